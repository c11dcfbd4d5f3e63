class UserError(Exception):
    """An error the user can fix; the command line prints it as one line and exits with 2."""
