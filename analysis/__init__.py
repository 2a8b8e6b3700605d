"""Aligning claims across sources, comparing them, and building reports."""
