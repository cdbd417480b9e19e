package zhibiao;

import java.util.Objects;

/** A responsible unit of a plan's directory (单位): a snapshot. */
public final class Unit {
    private final String name;
    private final String fullName;

    Unit(String name, String fullName) {
        this.name = name;
        this.fullName = fullName;
    }

    /** Short name as plans write it, e.g. 县经信局. */
    public String name() {
        return name;
    }

    /** Full name, e.g. 桐庐县经济和信息化局; "" when none. */
    public String fullName() {
        return fullName;
    }

    @Override
    public String toString() {
        return fullName.isEmpty() ? name : name + " (" + fullName + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Unit))
            return false;
        Unit x = (Unit) o;
        return name.equals(x.name)
                && fullName.equals(x.fullName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, fullName);
    }
}
