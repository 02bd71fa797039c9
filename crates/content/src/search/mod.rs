//! Search across every article: the format of the index the build writes (from the same
//! typed content the pages show: `clinic_build::search_index`) and the query the browser
//! runs on it.
//!
//! Every word of a title, heading, paragraph, list item, FAQ question and answer is a term in
//! an `fst` map (a compact, sorted automaton of every term), which finds the terms a query
//! word can mean: the word itself, the words it begins (the reader is still typing), and, for
//! words of five letters or more, the words one typo away (a Levenshtein automaton run over
//! the map). Each term leads to the articles it occurs in, each with the place where it
//! counts most (the title or a section) and the kind of text it was found in there, so that
//! a title outranks a heading, and a heading outranks body text.
//!
//! The index is split ([`chunks`]) so that a query downloads only what it needs: the
//! directory, the slices of the term map its words can mean, where the terms they
//! matched are found, and what its results show ([`query`]).

mod chunks;
mod query;

pub use chunks::{
    to_file_bytes, Chunk, ChunkId, IndexedArticle, Place, PostingsChunkEntry, SearchDirectory,
    TermChunkEntry, SEARCH_CHUNKS_FOLDER, SEARCH_DIRECTORY_FILE,
};
pub use query::{search_with, LoadedChunks, Search};

/// Words this short or shorter are not matched as the start of a longer one.
const MIN_PREFIX: usize = 2;
/// Words this long or longer forgive one typo.
pub const MIN_FUZZY: usize = 5;
/// Words that say nothing about what an article is about: leaving them out keeps the index
/// small, and a query of "pain in the back" finds "back pain".
const STOP_WORDS: [&str; 34] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has",
    "have", "if", "in", "into", "is", "it", "its", "of", "on", "or", "so", "than", "that", "the",
    "this", "to", "was", "with", "you", "your",
];

/// The kinds of text a word is found in, by how much a match there counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Body = 1,
    Heading = 2,
    Title = 3,
}

/// One result: an article, and the place in it that matches best. (Serde: the search worker
/// sends it to the page.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchResult {
    pub slug: String,
    pub title: String,
    pub category: String,
    /// The id of the matching section; none when the best match is the title or the
    /// introduction.
    pub section_id: Option<String>,
    pub section: Option<String>,
    /// The article's language; none when the index does not say (a damaged directory).
    pub language: Option<SearchLanguage>,
}

/// A language of the articles, as a result names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchLanguage {
    /// A BCP 47 tag.
    pub tag: String,
    /// Its name in the language itself ("Español").
    pub name: String,
}

/// The words of `text`, as both the index and a query read them: letters and digits,
/// lower-case and without their accents and other marks ("Espálda" is "espalda"), with
/// apostrophes inside words dropped ("don't" is "dont").
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for ch in without_marks(text).chars() {
        if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        } else if matches!(ch, '\'' | '’') && !word.is_empty() {
            continue;
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `text` with each letter decomposed and its marks dropped ("Espálda" is "Espalda"). In the
/// browser by its own Unicode tables (`String.prototype.normalize` and a `\p{M}` pattern), so
/// the search worker's wasm carries none (they would add a third to it); at build time by
/// unicode-normalization's, of the same standard.
#[cfg(target_arch = "wasm32")]
fn without_marks(text: &str) -> String {
    let marks = js_sys::RegExp::new("\\p{M}", "gu");
    js_sys::JsString::from(text)
        .normalize("NFD")
        .replace_by_pattern(&marks, "")
        .into()
}

#[cfg(not(target_arch = "wasm32"))]
fn without_marks(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|ch| !is_combining_mark(*ch)).collect()
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_letters_and_digits() {
        assert_eq!(
            words("Don't stop: Level-2 PAIN!"),
            ["dont", "stop", "level", "2", "pain"]
        );
    }

    #[test]
    fn words_are_the_same_across_accents_case_and_marks() {
        assert_eq!(words("Espálda ESPALDA espalda"), ["espalda"; 3]);
        assert_eq!(words("Niño, crème brûlée"), ["nino", "creme", "brulee"]);
        // Arabic's short vowel marks are optional in writing: a word with them is the word.
        assert_eq!(words("الْمَشْي"), words("المشي"));
    }
}
