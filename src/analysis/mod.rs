//! Across articles: which claims report the same figure about the same event ([`groups`])
//! and who held a place when ([`timeline`]). Pure functions over plain rows; the Python
//! layer feeds them from the `claims` and `control` frames and builds frames of the result.

pub mod groups;
pub mod timeline;

/// Days since 1970-01-01, the integer form dates take on their way in and out.
pub type Day = i32;

/// Gives equal names equal codes (0, 1, 2, ... in order of first sight), so the passes
/// over millions of rows compare integers, not strings. Looking up a known name does not
/// allocate.
#[derive(Debug, Default)]
pub struct Interner {
    codes: std::collections::HashMap<String, u32>,
    key: String,
}

impl Interner {
    /// The code of `name`.
    pub fn code(&mut self, name: &str) -> u32 {
        if let Some(&code) = self.codes.get(name) {
            return code;
        }
        let code = self.codes.len() as u32;
        self.codes.insert(name.to_owned(), code);
        code
    }

    /// The code of several parts taken together (kind, actor and unit, say); a missing part
    /// is told apart from an empty one.
    pub fn code_of(&mut self, parts: &[Option<&str>]) -> u32 {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        for part in parts {
            match part {
                Some(p) => {
                    key.push('\u{1}');
                    key.push_str(p);
                }
                None => key.push('\u{0}'),
            }
        }
        let code = self.code(&key);
        self.key = key;
        code
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn equal_names_equal_codes() {
        let mut names = Interner::default();
        let codes: Vec<u32> = ["SOHR", "AFP", "SOHR", ""].map(|n| names.code(n)).to_vec();
        assert_eq!(codes, [0, 1, 0, 2]);
        let mut keys = Interner::default();
        let a = keys.code_of(&[Some("killed"), None]);
        assert_eq!(
            keys.code_of(&[Some("killed"), Some("")]),
            a + 1,
            "missing is not empty"
        );
        assert_eq!(keys.code_of(&[Some("killed"), None]), a);
    }
}
