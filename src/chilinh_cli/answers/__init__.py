"""The questions asked of a catalog of reviews, and the answer object of each."""
