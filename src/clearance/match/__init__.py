"""Name matching: normalisation, transliteration, candidate index and versioned scorers."""
