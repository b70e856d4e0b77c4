"""Arabic named-entity recognition: CRF features, word clusters, gazetteers, the tagger."""
