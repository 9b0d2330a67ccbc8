//! Bytes to text: BOMs, UTF-16, invalid UTF-8 repair, line endings, binary sniffing.

use crate::warning::Warning;

/// A decoded document text and the warnings its decoding produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Names a binary format from its first bytes, if it is one.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"%PDF-", "PDF document"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
        (b"\x1f\x8b", "gzip archive"),
        (b"PAR1", "Parquet file"),
        (b"\x7fELF", "executable"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    if !utf16 && head.contains(&0) {
        return Some("binary data");
    }
    None
}

/// Decodes document bytes: strips a UTF-8 BOM, decodes UTF-16 with a BOM, repairs
/// invalid UTF-8 with U+FFFD, and turns CRLF and lone CR into LF.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        warnings.push(Warning::Utf16.with("decoded as UTF-16 (little-endian, BOM)"));
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        warnings.push(Warning::Utf16.with("decoded as UTF-16 (big-endian, BOM)"));
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        utf8_lossy(bytes, &mut warnings)
    };
    Decoded {
        text: normalize_newlines(text),
        warnings,
    }
}

fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let repaired = String::from_utf8_lossy(bytes).into_owned();
            let n = repaired.matches('\u{FFFD}').count() - count_valid_replacement_chars(bytes);
            warnings.push(Warning::InvalidUtf8.with(format!(
                "invalid UTF-8 repaired: {n} sequence(s) replaced with U+FFFD"
            )));
            repaired
        }
    }
}

/// U+FFFD characters that were already in the input as valid UTF-8 (EF BF BD).
fn count_valid_replacement_chars(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| *w == b"\xef\xbf\xbd").count()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(Warning::InvalidUtf8.with(format!(
            "invalid UTF-16 repaired: {} unit(s) replaced",
            bad + bytes.len() % 2
        )));
    }
    text
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_invalid_utf8_with_a_warning() {
        let d = decode(b"Palmyra \xff\xfe fell");
        assert_eq!(d.text, "Palmyra \u{FFFD}\u{FFFD} fell");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].starts_with("W001"), "{:?}", d.warnings);
        assert!(d.warnings[0].contains("2 sequence"), "{:?}", d.warnings);
    }

    #[test]
    fn valid_text_has_no_warning_and_bom_is_stripped() {
        let d = decode("\u{feff}Tadmur — 38 killed".as_bytes());
        assert_eq!(d.text, "Tadmur — 38 killed");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc").text, "a\nb\nc");
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Raqqa é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.text, "Raqqa é");
        assert!(d.warnings[0].starts_with("W002"));
        assert!(sniff_binary(&bytes).is_none());
    }

    #[test]
    fn sniffs_png_pdf_and_nul_bytes() {
        assert_eq!(sniff_binary(b"\x89PNG\r\n\x1a\nxx"), Some("PNG image"));
        assert_eq!(sniff_binary(b"%PDF-1.7"), Some("PDF document"));
        assert_eq!(sniff_binary(b"ab\0cd"), Some("binary data"));
        assert_eq!(sniff_binary(b"plain text"), None);
    }
}
