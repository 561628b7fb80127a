"""The dataset's model: its frozen records, the tool's errors, exact derivations and text keys."""
