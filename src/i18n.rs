//! i18n (being written)
