"""Writing files: the one writer (whole or not at all, never over what is not ours), and the exports."""
