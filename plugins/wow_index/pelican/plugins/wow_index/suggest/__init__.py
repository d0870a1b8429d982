"""Tag suggestions for untagged stories: features, lexicon, the shipped model,
and the tools that fit and evaluate it on labelled stories."""
