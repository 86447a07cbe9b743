"""The one base class for errors the user can fix; the CLI reports them in one line."""


class UserFacingError(Exception):
    """Bad input, a missing index or model: shown as one line, exit status 2."""
