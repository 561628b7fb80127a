"""Drafting: an article's text into a dataset draft, through the Vietnamese figure grammar."""
