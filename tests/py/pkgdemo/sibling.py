WORD = "sibling"
