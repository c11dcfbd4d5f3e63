"""Command groups of the radintel command line, one module each."""
