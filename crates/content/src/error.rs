use std::fmt;

use serde::{Deserialize, Serialize};

/// Why content could not be shown. Each variant names the file, so an editor knows where to look.
/// (Serde: the search worker sends it to the page.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContentError {
    /// The request failed or the server answered with an error status.
    Unavailable { file: String, reason: String },
    /// Not JSON, or JSON that does not fit the content model.
    Malformed {
        file: String,
        reason: String,
        /// The line and column of the mistake, counted from 1.
        at: Option<(usize, usize)>,
    },
    /// Well-formed content that breaks a rule (an empty text, an unsafe link…).
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

/// One broken rule, at a field path such as `sections[2].body[0].paragraph[1].link.href`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Unavailable { file, reason } => {
                write!(f, "{file} could not be loaded: {reason}")
            }
            ContentError::Malformed { file, reason, at } => {
                write!(f, "{file} is not valid content: {reason}")?;
                match at {
                    Some((line, column)) => write!(f, " at line {line} column {column}"),
                    None => Ok(()),
                }
            }
            ContentError::Invalid { file, problems } => {
                write!(f, "{file} breaks the content rules: ")?;
                for (n, problem) in problems.iter().enumerate() {
                    if n > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ContentError {}
