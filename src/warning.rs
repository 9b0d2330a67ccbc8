//! Coded warnings, spaCy-style: a stable code and a message. They go to `articles.warnings`.

/// A warning kind with a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// Invalid UTF-8 bytes were replaced with U+FFFD.
    InvalidUtf8,
    /// The file was UTF-16 and was decoded as such.
    Utf16,
    /// The file is binary (an image, a PDF, an archive) and holds no text to read.
    Binary,
    /// The document is empty.
    Empty,
    /// A metadata value could not be used (bad date, unknown column value).
    BadMetadata,
    /// The publication date is unknown, so relative dates stay unresolved.
    NoPublished,
    /// The document was too large and was truncated.
    Truncated,
    /// A table row or file lacked the text column.
    NoText,
    /// A panic inside the extractor was caught; the article's rows may be incomplete.
    ExtractorFailure,
    /// The id was already used by an earlier document and was made unique.
    DuplicateId,
    /// A run of text longer than the sentence cap was cut at word boundaries.
    LongSentence,
    /// Invisible format characters (zero-width spaces, directional marks, soft hyphens)
    /// were removed from the text.
    InvisibleRemoved,
    /// The publication date lies in the future or before 1900; it is kept as given.
    ImplausiblePublished,
    /// Time expressions of rows could not be placed on the calendar (the reason is given).
    UnresolvedTime,
}

impl Warning {
    /// The stable code, e.g. `W001`.
    pub fn code(self) -> &'static str {
        match self {
            Warning::InvalidUtf8 => "W001",
            Warning::Utf16 => "W002",
            Warning::Binary => "W003",
            Warning::Empty => "W004",
            Warning::BadMetadata => "W005",
            Warning::NoPublished => "W006",
            Warning::Truncated => "W007",
            Warning::NoText => "W008",
            Warning::ExtractorFailure => "W009",
            Warning::DuplicateId => "W010",
            Warning::LongSentence => "W011",
            Warning::InvisibleRemoved => "W012",
            Warning::ImplausiblePublished => "W013",
            Warning::UnresolvedTime => "W014",
        }
    }

    /// A warning line: code and message.
    pub fn with(self, message: impl AsRef<str>) -> String {
        format!("{} {}", self.code(), message.as_ref())
    }
}
