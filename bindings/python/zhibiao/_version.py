"""The version of the binding; the C library it loads must report the same (zb_version())."""
__version__ = "0.1.0"
