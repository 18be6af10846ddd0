"""Test suite of the sciatica movement guide."""
