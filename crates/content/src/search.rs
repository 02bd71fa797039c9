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

impl SearchIndex {
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, String> {
        let index: SearchIndex = postcard::from_bytes(bytes).map_err(|error| error.to_string())?;
        Map::new(index.terms.clone()).map_err(|error| error.to_string())?;
        Ok(index)
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
                let article = self.places[place].article as usize;
                if let Some(slot) = best.get_mut(article * words + word) {
                    *slot = (*slot).max(score);
                }
                together[place] += score;
            }
        }
        // An article's places are consecutive, in the order the build added them.
        let mut best_place: Vec<Option<(usize, u32)>> = vec![None; self.articles.len()];
        for (place, &score) in together.iter().enumerate() {
            let slot = &mut best_place[self.places[place].article as usize];
            if score > 0 && slot.is_none_or(|(_, best)| score > best) {
                *slot = Some((place, score));
            }
        }
        let mut ranked: Vec<(usize, u32, usize)> = best
            .chunks(words.max(1))
            .enumerate()
            .filter(|(_, scores)| scores.iter().all(|&score| score > 0))
            .filter_map(|(article, scores)| {
                let (place, _) = best_place[article]?;
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

    #[test]
    fn bytes_that_are_not_an_index_are_an_error() {
        assert!(SearchIndex::from_bytes(b"not an index").is_err());
    }
}
