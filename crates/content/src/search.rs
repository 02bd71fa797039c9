//! Search across every article: the format of the index the build writes (`search-index.bin`,
//! from the same typed content the pages show: `clinic_build::search_index`) and the query
//! the browser runs on it.
//!
//! Every word of a title, heading, paragraph, list item, FAQ question and answer is a term in
//! an `fst` map (a compact, sorted automaton of every term), which finds the terms a query
//! word can mean: the word itself, the words it begins (the reader is still typing), and, for
//! words of five letters or more, the words one typo away (a Levenshtein automaton run over
//! the map). Each term leads to the places it occurs in: an article's title or a section (by
//! its id), with the kind of text it was found in, so that a title outranks a heading, and a
//! heading outranks body text.

use std::collections::HashMap;

use fst::automaton::{Automaton, Levenshtein, Str};
use fst::{IntoStreamer, Map, Streamer};
use serde::{Deserialize, Serialize};

use crate::ids::slugify;

/// Where the build writes the index, relative to the site's base.
pub const SEARCH_INDEX_FILE: &str = "content/search-index.bin";

/// Words this short or shorter are not matched as the start of a longer one.
const MIN_PREFIX: usize = 2;
/// Words this long or longer forgive one typo.
const MIN_FUZZY: usize = 5;
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

/// An article, as a result names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedArticle {
    pub slug: String,
    pub title: String,
    pub category: String,
}

/// A place a result can link to: the top of an article, or one of its sections or questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub article: u32,
    /// The section's heading or question; none for the top of the article.
    pub heading: Option<String>,
    /// The section's id where it is not the slug of its heading (most are: this keeps the
    /// index small).
    pub other_id: Option<String>,
}

impl Place {
    pub fn id(&self) -> Option<String> {
        self.other_id
            .clone()
            .or_else(|| self.heading.as_deref().map(slugify))
    }
}

/// The search index: what the build writes and the browser downloads when a reader starts
/// to search.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchIndex {
    pub articles: Vec<IndexedArticle>,
    pub places: Vec<Place>,
    /// Every term, sorted, each mapped to its entry in `postings`.
    pub terms: Vec<u8>,
    /// For each term, where it occurs: `place << 2 | field`, once per place, with the field
    /// that counts most; in order, each written as the difference from the one before (small
    /// numbers, which postcard writes in a byte or two).
    pub postings: Vec<Vec<u32>>,
}

/// One result: an article, and the place in it that matches best.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub slug: String,
    pub title: String,
    pub category: String,
    /// The id of the matching section; none when the best match is the title or the
    /// introduction.
    pub section_id: Option<String>,
    pub section: Option<String>,
}

/// The words of `text`, lower-case, as both the index and a query read them: letters and
/// digits, with apostrophes inside words dropped ("don't" is "dont").
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
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

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The first bytes of an index file: what it is, and the version of its format. A reader of
/// another version refuses it rather than misreading it (an old tab, a newer build).
const MAGIC: &[u8; 4] = b"CSI\0";
pub const FORMAT_VERSION: u8 = 1;

impl SearchIndex {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.push(FORMAT_VERSION);
        bytes.extend(postcard::to_allocvec(self).unwrap_or_default());
        bytes
    }

    /// Reads an index file, checked whole: its format and version, and every number in it
    /// pointing inside it. Bytes that are not such an index are an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, String> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or("not a search index")?;
        let (version, body) = body.split_first().ok_or("not a search index")?;
        if *version != FORMAT_VERSION {
            return Err(format!(
                "a search index of format {version}, not {FORMAT_VERSION}: of another build"
            ));
        }
        let index: SearchIndex = postcard::from_bytes(body).map_err(|error| error.to_string())?;
        index.check()?;
        Ok(index)
    }

    /// Whether the term map is whole, every term leads to its postings, every posting to a
    /// place with a field, and every place to an article.
    fn check(&self) -> Result<(), String> {
        let terms = Map::new(self.terms.as_slice()).map_err(|error| error.to_string())?;
        // The term map's own checksum: a damaged map would panic the automaton walking it.
        terms
            .as_fst()
            .verify()
            .map_err(|error| format!("the terms are damaged: {error}"))?;
        if terms.len() != self.postings.len() {
            return Err("the terms and their postings differ in number".into());
        }
        let mut stream = terms.stream();
        while let Some((_, term)) = stream.next() {
            if term >= self.postings.len() as u64 {
                return Err("a term leads outside the postings".into());
            }
        }
        for postings in &self.postings {
            let mut posting = 0u32;
            for delta in postings {
                posting = posting.checked_add(*delta).ok_or("a posting overflows")?;
                let (place, field) = ((posting >> 2) as usize, posting & 3);
                if place >= self.places.len() || field == 0 {
                    return Err("a posting leads outside the places".into());
                }
            }
        }
        if self
            .places
            .iter()
            .any(|place| place.article as usize >= self.articles.len())
        {
            return Err("a place leads outside the articles".into());
        }
        Ok(())
    }

    /// The articles that match every word of `query`, best first, at most `limit`. The last
    /// word also matches as the start of a longer one, unless the query ends with a space.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchResult> {
        let Ok(terms) = Map::new(self.terms.as_slice()) else {
            return Vec::new();
        };
        let mut query_words: Vec<String> = words(query);
        let still_typing = !query.ends_with(char::is_whitespace);
        let last = query_words.len().saturating_sub(1);
        let meaningful: Vec<(usize, String)> = query_words
            .drain(..)
            .enumerate()
            .filter(|(_, word)| !is_stop_word(word))
            .collect();
        if meaningful.is_empty() {
            return Vec::new();
        }
        // For each query word, the score of each place it matches (dense: a few thousand
        // places at most, and far quicker than hashing in wasm).
        let mut matched: Vec<Vec<u32>> = Vec::new();
        for (position, word) in &meaningful {
            let prefix = still_typing && *position == last;
            let mut scores = vec![0u32; self.places.len()];
            for (term, quality) in matching_terms(&terms, word, prefix) {
                let Some(postings) = self.postings.get(term) else {
                    continue;
                };
                let mut posting = 0u32;
                for delta in postings {
                    posting = posting.wrapping_add(*delta);
                    let (place, field) = ((posting >> 2) as usize, posting & 3);
                    if let Some(best) = scores.get_mut(place) {
                        *best = (*best).max(field * quality);
                    }
                }
            }
            matched.push(scores);
        }
        self.rank(&matched, limit)
    }

    /// Articles where every word matched, by the sum of each word's best score there; each
    /// with the place where the words score most together.
    fn rank(&self, matched: &[Vec<u32>], limit: usize) -> Vec<SearchResult> {
        let words = matched.len();
        // Per article, each word's best score; per place, the words' scores together.
        let mut best = vec![0u32; self.articles.len() * words];
        let mut together = vec![0u32; self.places.len()];
        for (word, scores) in matched.iter().enumerate() {
            for (place, &score) in scores.iter().enumerate() {
                if score == 0 {
                    continue;
                }
                let Some(found) = self.places.get(place) else {
                    continue;
                };
                if let Some(slot) = best.get_mut(found.article as usize * words + word) {
                    *slot = (*slot).max(score);
                }
                if let Some(sum) = together.get_mut(place) {
                    *sum += score;
                }
            }
        }
        // An article's places are consecutive, in the order the build added them.
        let mut best_place: Vec<Option<(usize, u32)>> = vec![None; self.articles.len()];
        for (place, &score) in together.iter().enumerate() {
            let Some(slot) = self
                .places
                .get(place)
                .and_then(|found| best_place.get_mut(found.article as usize))
            else {
                continue;
            };
            if score > 0 && slot.is_none_or(|(_, best)| score > best) {
                *slot = Some((place, score));
            }
        }
        let mut ranked: Vec<(usize, u32, usize)> = best
            .chunks(words.max(1))
            .enumerate()
            .filter(|(_, scores)| scores.iter().all(|&score| score > 0))
            .filter_map(|(article, scores)| {
                let (place, _) = (*best_place.get(article)?)?;
                Some((article, scores.iter().sum(), place))
            })
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .filter_map(|(article, _, place)| {
                let found = self.articles.get(article)?;
                let place = self.places.get(place)?;
                Some(SearchResult {
                    slug: found.slug.clone(),
                    title: found.title.clone(),
                    category: found.category.clone(),
                    section_id: place.id(),
                    section: place.heading.clone(),
                })
            })
            .collect()
    }
}

/// The terms `word` can mean, each with how well it matches: the word itself (4), a longer
/// word it begins (3), a word one typo away (2).
fn matching_terms(terms: &Map<&[u8]>, word: &str, prefix: bool) -> HashMap<usize, u32> {
    let mut found: HashMap<usize, u32> = HashMap::new();
    let mut add = |matches: Vec<(Vec<u8>, u64)>, quality: u32| {
        for (_, term) in matches {
            let best = found.entry(term as usize).or_default();
            *best = (*best).max(quality);
        }
    };
    if let Some(term) = terms.get(word) {
        add(vec![(Vec::new(), term)], 4);
    }
    if prefix && word.chars().count() >= MIN_PREFIX {
        add(stream(terms, Str::new(word).starts_with()), 3);
    }
    if word.chars().count() >= MIN_FUZZY {
        if let Ok(typo) = Levenshtein::new(word, 1) {
            add(stream(terms, &typo), 2);
        }
    }
    found
}

fn stream<A: Automaton>(terms: &Map<&[u8]>, automaton: A) -> Vec<(Vec<u8>, u64)> {
    let mut stream = terms.search(automaton).into_stream();
    let mut found = Vec::new();
    while let Some((term, value)) = stream.next() {
        found.push((term.to_vec(), value));
    }
    found
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

    /// An index of one article with one place, where the word "walk" has `postings`.
    fn index_of_one(postings: Vec<u32>, article: u32) -> SearchIndex {
        let mut terms = fst::MapBuilder::memory();
        terms.insert("walk", 0).expect("one term");
        SearchIndex {
            articles: vec![IndexedArticle {
                slug: "a".into(),
                title: "A".into(),
                category: "C".into(),
            }],
            places: vec![Place {
                article,
                heading: None,
                other_id: None,
            }],
            terms: terms.into_inner().expect("terms"),
            postings: vec![postings],
        }
    }

    #[test]
    fn bytes_that_are_not_an_index_of_this_format_are_an_error() {
        assert_eq!(
            SearchIndex::from_bytes(b"not an index").err().as_deref(),
            Some("not a search index")
        );
        let mut other_version = index_of_one(vec![1], 0).to_bytes();
        other_version[MAGIC.len()] = FORMAT_VERSION + 1;
        assert!(SearchIndex::from_bytes(&other_version)
            .expect_err("another version")
            .contains("of another build"));
    }

    #[test]
    fn numbers_pointing_outside_the_index_are_an_error() {
        let valid = index_of_one(vec![1], 0);
        let read = SearchIndex::from_bytes(&valid.to_bytes()).expect("valid");
        assert_eq!(read.search("walk ", 5).len(), 1);
        for (postings, article) in [(vec![1 << 2 | 1], 0), (vec![1], 1), (vec![0], 0)] {
            let broken = index_of_one(postings.clone(), article);
            assert!(
                SearchIndex::from_bytes(&broken.to_bytes()).is_err(),
                "{postings:?}, article {article}"
            );
        }
    }
}
