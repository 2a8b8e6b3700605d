"""Getting text in: files, URLs and pasted text become cleaned `Source` records."""
