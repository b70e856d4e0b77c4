"""Parts of the events stage: trigger candidates, the learnt filter, flags, roles, merging."""
