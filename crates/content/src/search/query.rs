//! A query over the chunks loaded so far. It answers with the results, or with the chunks it
//! needs first: the browser fetches those and asks again, at most three times (the term
//! chunks its words can mean, then the postings of the terms they matched, then the details
//! of the best articles). Natively, [`search_with`] loads them from a function.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;

use fst::automaton::{Automaton, Levenshtein, Str};
use fst::{IntoStreamer, Map, Streamer};

use super::chunks::{Chunk, ChunkId, IndexedArticle, SearchDirectory};
use super::{is_stop_word, words, SearchLanguage, SearchResult, MIN_FUZZY, MIN_PREFIX};
use crate::language::same_language;

/// The most words a word being typed is taken to begin, those found in the most articles: a
/// short start ("st") begins hundreds, and their postings would cost more to download than
/// the rest of the query.
const COMPLETIONS: usize = 8;
/// The most words one typo away a word is taken to mean, those found in the most articles.
const TYPO_CANDIDATES: usize = 8;

/// How well a term matches a query word: the word itself, a longer word it begins, a word
/// one typo away.
const EXACT: u32 = 4;
const COMPLETION: u32 = 3;
const TYPO: u32 = 2;

/// The chunks downloaded so far, kept for the next query.
#[derive(Debug, Clone, Default)]
pub struct LoadedChunks {
    chunks: HashMap<ChunkId, Chunk>,
}

impl LoadedChunks {
    pub fn insert(&mut self, id: ChunkId, chunk: Chunk) {
        self.chunks.insert(id, chunk);
    }

    pub fn contains(&self, id: ChunkId) -> bool {
        self.chunks.contains_key(&id)
    }

    fn terms(&self, n: usize) -> Option<Map<&[u8]>> {
        match self.chunks.get(&ChunkId::Terms(n))? {
            Chunk::Terms(bytes) => Map::new(bytes.as_slice()).ok(),
            _ => None,
        }
    }

    fn postings(&self, n: usize) -> Option<&[Vec<u32>]> {
        match self.chunks.get(&ChunkId::Postings(n))? {
            Chunk::Postings(lists) => Some(lists),
            _ => None,
        }
    }

    fn details(&self, n: usize) -> Option<&[IndexedArticle]> {
        match self.chunks.get(&ChunkId::Details(n))? {
            Chunk::Details(articles) => Some(articles),
            _ => None,
        }
    }
}

/// What a query answers with the chunks loaded so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    Found(Vec<SearchResult>),
    Needs(Vec<ChunkId>),
}

/// A meaningful word of a query, and whether it is still being typed (the last word, with no
/// space after it), so that it also matches as the start of a longer one.
struct QueryWord {
    text: String,
    first_letter: String,
    letters: usize,
    still_typing: bool,
}

fn query_words(query: &str) -> Vec<QueryWord> {
    let all = words(query);
    let still_typing = !query.ends_with(char::is_whitespace);
    let last = all.len().saturating_sub(1);
    all.into_iter()
        .enumerate()
        .filter(|(_, word)| !is_stop_word(word))
        .map(|(position, text)| QueryWord {
            first_letter: text.chars().take(1).collect(),
            letters: text.chars().count(),
            still_typing: still_typing && position == last,
            text,
        })
        .collect()
}

impl QueryWord {
    fn completes(&self) -> bool {
        self.still_typing && self.letters >= MIN_PREFIX
    }

    fn forgives_a_typo(&self) -> bool {
        self.letters >= MIN_FUZZY
    }
}

/// Each query word's matches, by article (dense: a few thousand articles, and far quicker
/// than hashing in wasm): the best score a term of the word gives it there, and the place
/// where it does (the first such place); a score of 0 where none of its terms is.
type Matches = Vec<(u32, u32)>;

impl SearchDirectory {
    /// The articles that match every meaningful word of `query`, those in the reader's
    /// `language` first, each best first, at most `limit`; or the chunks to load first.
    pub fn search(
        &self,
        loaded: &LoadedChunks,
        query: &str,
        limit: usize,
        language: &str,
    ) -> Search {
        let query_words = query_words(query);
        if query_words.is_empty() || self.term_chunks.is_empty() {
            return Search::Found(Vec::new());
        }
        let missing = |ids: &mut dyn Iterator<Item = ChunkId>| -> Vec<ChunkId> {
            let missing: BTreeSet<ChunkId> = ids.filter(|id| !loaded.contains(*id)).collect();
            missing.into_iter().collect()
        };
        let needs = missing(
            &mut query_words
                .iter()
                .flat_map(|word| self.term_chunks_for(word))
                .map(ChunkId::Terms),
        );
        if !needs.is_empty() {
            return Search::Needs(needs);
        }
        let meanings: Vec<HashMap<u32, u32>> = query_words
            .iter()
            .map(|word| self.meanings(loaded, word))
            .collect();
        let needs = missing(
            &mut meanings
                .iter()
                .flat_map(|terms| terms.keys())
                .map(|&term| ChunkId::Postings(self.postings_chunk_of(term))),
        );
        if !needs.is_empty() {
            return Search::Needs(needs);
        }
        let matched: Vec<Matches> = meanings
            .iter()
            .map(|terms| self.places_of(loaded, terms))
            .collect();
        let in_language = |article: u32| {
            self.language_of(article)
                .is_some_and(|found| same_language(&found.tag, language))
        };
        let ranked = rank(&matched, limit, in_language);
        let per = self.articles_per_details.max(1);
        let needs = missing(
            &mut ranked
                .iter()
                .map(|(article, _)| ChunkId::Details((article / per) as usize)),
        );
        if !needs.is_empty() {
            return Search::Needs(needs);
        }
        Search::Found(
            ranked
                .into_iter()
                .filter_map(|(article, place)| self.result(loaded, article, place))
                .collect(),
        )
    }

    /// The term chunks that hold what `word` can mean. A typo is forgiven after the first
    /// letter only (as Meilisearch counts a typo there as two), so every candidate is among
    /// the terms that begin with the same letter.
    fn term_chunks_for(&self, word: &QueryWord) -> RangeInclusive<usize> {
        if word.forgives_a_typo() {
            self.term_chunks_beginning(&word.first_letter)
        } else if word.completes() {
            self.term_chunks_beginning(&word.text)
        } else {
            let chunk = self.term_chunk_of(&word.text);
            chunk..=chunk
        }
    }

    /// The term chunk that holds `term`, if the index has it.
    fn term_chunk_of(&self, term: &str) -> usize {
        self.term_chunks
            .partition_point(|chunk| chunk.first.as_str() <= term)
            .saturating_sub(1)
    }

    /// The term chunks that hold the terms beginning with `start`.
    fn term_chunks_beginning(&self, start: &str) -> RangeInclusive<usize> {
        let last = self
            .term_chunks
            .partition_point(|chunk| chunk.first.as_str() < start || chunk.first.starts_with(start))
            .saturating_sub(1);
        self.term_chunk_of(start)..=last
    }

    fn postings_chunk_of(&self, term: u32) -> usize {
        self.postings_chunks
            .partition_point(|chunk| chunk.first_term <= term)
            .saturating_sub(1)
    }

    /// The terms `word` can mean, each with how well it matches.
    fn meanings(&self, loaded: &LoadedChunks, word: &QueryWord) -> HashMap<u32, u32> {
        let maps: Vec<Map<&[u8]>> = self
            .term_chunks_for(word)
            .filter_map(|n| loaded.terms(n))
            .collect();
        let mut found: HashMap<u32, u32> = HashMap::new();
        for map in &maps {
            if let Some(value) = map.get(&word.text) {
                found.insert(term_number(value), EXACT);
            }
        }
        if word.completes() {
            let starts = Str::new(&word.text).starts_with();
            let completions = likeliest(&maps, &starts, &found, COMPLETIONS);
            found.extend(completions.into_iter().map(|term| (term, COMPLETION)));
        }
        if word.forgives_a_typo() {
            if let Ok(typo) = Levenshtein::new(&word.text, 1) {
                let same_start = Str::new(&word.first_letter).starts_with();
                let candidates = likeliest(
                    &maps,
                    &(&typo).intersection(same_start),
                    &found,
                    TYPO_CANDIDATES,
                );
                found.extend(candidates.into_iter().map(|term| (term, TYPO)));
            }
        }
        found
    }

    /// Each article where one of `terms` is found, with the best score a term gives it and
    /// the place where it does.
    fn places_of(&self, loaded: &LoadedChunks, terms: &HashMap<u32, u32>) -> Matches {
        let mut best: Matches = vec![(0, 0); self.articles as usize];
        for (&term, &quality) in terms {
            let chunk = self.postings_chunk_of(term);
            let first = self.postings_chunks.get(chunk).map_or(0, |c| c.first_term);
            let Some(list) = loaded
                .postings(chunk)
                .and_then(|lists| lists.get(term.wrapping_sub(first) as usize))
            else {
                continue;
            };
            let mut article = 0u32;
            for pair in list.chunks_exact(2) {
                article = article.wrapping_add(pair[0]);
                let (place, field) = (pair[1] >> 2, pair[1] & 3);
                let score = field * quality;
                if let Some(slot) = best.get_mut(article as usize) {
                    if score > slot.0 || (score == slot.0 && place < slot.1) {
                        *slot = (score, place);
                    }
                }
            }
        }
        best
    }

    /// The language of `article`, when the directory says.
    fn language_of(&self, article: u32) -> Option<&SearchLanguage> {
        let at = *self.article_languages.get(article as usize)?;
        self.languages.get(at as usize)
    }

    fn result(&self, loaded: &LoadedChunks, article: u32, place: u32) -> Option<SearchResult> {
        let per = self.articles_per_details.max(1);
        let details = loaded.details((article / per) as usize)?;
        let found = details.get((article % per) as usize)?;
        let section = (place as usize)
            .checked_sub(1)
            .and_then(|at| found.sections.get(at));
        Some(SearchResult {
            slug: found.slug.clone(),
            title: found.title.clone(),
            category: found.category.clone(),
            section_id: section.map(|section| section.id()),
            section: section.map(|section| section.heading.clone()),
            language: self.language_of(article).cloned(),
        })
    }
}

/// The number of the term a term map's value names.
fn term_number(value: u64) -> u32 {
    (value >> 32) as u32
}

/// At most `most` terms that `automaton` accepts in `maps`, other than those `found`
/// already: those found in the most articles, then the first in order.
fn likeliest<A: Automaton>(
    maps: &[Map<&[u8]>],
    automaton: &A,
    found: &HashMap<u32, u32>,
    most: usize,
) -> Vec<u32> {
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for map in maps {
        let mut stream = map.search(automaton).into_stream();
        while let Some((_, value)) = stream.next() {
            let term = term_number(value);
            if !found.contains_key(&term) {
                candidates.push((term, value as u32));
            }
        }
    }
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates
        .into_iter()
        .take(most)
        .map(|(term, _)| term)
        .collect()
}

/// The articles where every word matched, those `in_language` first, then by the sum of
/// each word's best score there, each with the place where the words score most together
/// (of the places where each word scores best; the first such place on a tie).
fn rank(matched: &[Matches], limit: usize, in_language: impl Fn(u32) -> bool) -> Vec<(u32, u32)> {
    let articles = matched.iter().map(Vec::len).min().unwrap_or(0);
    let mut ranked: Vec<(u32, bool, u32)> = (0..articles as u32)
        .filter(|&article| matched.iter().all(|word| word[article as usize].0 > 0))
        .map(|article| {
            let total = matched.iter().map(|word| word[article as usize].0).sum();
            (article, in_language(article), total)
        })
        .collect();
    ranked.sort_unstable_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(article, _, _)| {
            let at = article as usize;
            let together = |place: u32| -> u32 {
                matched
                    .iter()
                    .filter(|word| word[at].1 == place)
                    .map(|word| word[at].0)
                    .sum()
            };
            let place = matched
                .iter()
                .map(|word| word[at].1)
                .max_by(|a, b| together(*a).cmp(&together(*b)).then(b.cmp(a)))
                .unwrap_or(0);
            (article, place)
        })
        .collect()
}

/// Runs `query` on the index of `directory` for a reader of `language`, loading each chunk
/// it needs with `load`.
pub fn search_with(
    directory: &SearchDirectory,
    query: &str,
    limit: usize,
    language: &str,
    mut load: impl FnMut(ChunkId) -> Result<Chunk, String>,
) -> Result<Vec<SearchResult>, String> {
    let mut loaded = LoadedChunks::default();
    loop {
        match directory.search(&loaded, query, limit, language) {
            Search::Found(results) => return Ok(results),
            Search::Needs(ids) => {
                for id in ids {
                    loaded.insert(id, load(id)?);
                }
            }
        }
    }
}
