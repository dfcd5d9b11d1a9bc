//! spatial (being written)
