"""The content model: trials, diary entries, consent notes, the vocabulary, strict readers with file:line errors."""
