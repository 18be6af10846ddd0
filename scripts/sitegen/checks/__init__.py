"""Checks across the whole corpus, reading grades and figure geometry; every problem at once."""
