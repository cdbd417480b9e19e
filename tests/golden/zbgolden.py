"""What the golden tests share: a pass/fail tally and the model's name normalisation."""
import re

passed = 0
failed = 0


def check(cond, what):
    """Counts a check; prints what failed."""
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def summary():
    """Prints the closing line and returns the exit code."""
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def is_cjk(ch):
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F or 0x20000 <= cp <= 0x3FFFF)


def normalise(s):
    """plan.h: spaces, U+00A0 and U+3000 next to Chinese characters go; other runs of
    white space become one space; the ends are trimmed."""
    s = s or ""

    def sub(m):
        before = s[m.start() - 1] if m.start() > 0 else ""
        after = s[m.end()] if m.end() < len(s) else ""
        return "" if (before and is_cjk(before)) or (after and is_cjk(after)) else " "
    return re.sub(r"[\s\u00a0\u3000]+", sub, s).strip()
