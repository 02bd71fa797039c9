//! The files of the search index: a small directory, downloaded when a reader starts to
//! search, and chunks named by the hash of their bytes, each downloaded only when a query
//! needs it:
//! - **term chunks**, each a slice of every term in order: an `fst` map of its terms to
//!   their numbers, and how many articles each is found in;
//! - **postings chunks**, each where a run of consecutive terms is found;
//! - **details chunks**, each what a result shows of a run of consecutive articles.
//!
//! Every file starts with [`MAGIC`] and the format's version, then its postcard bytes,
//! deflated; it is checked whole as it is read: bytes that are not such a file (damaged, of another build, served for another name)
//! are an error, never a panic.

use fst::{Map, Streamer};
use serde::{Deserialize, Serialize};

use super::SearchLanguage;
use crate::ids::slugify;

/// Where the build writes the directory, relative to the site's base. It is fetched from the
/// network first, as content is, so a corrected article is searched as corrected.
pub const SEARCH_DIRECTORY_FILE: &str = "content/search.bin";
/// The folder of the chunks. A chunk's name is the hash of its bytes: it never changes, and
/// is saved and cached for good once fetched.
pub const SEARCH_CHUNKS_FOLDER: &str = "content/search/";

const MAGIC: &[u8; 4] = b"CSI\0";

/// The most articles an index may have: far more than any library, and few enough that a
/// query's score per article fits a reader's memory whatever a damaged directory says.
const MOST_ARTICLES: u32 = 1_000_000;
pub const FORMAT_VERSION: u8 = 3;

/// The search index's directory: how many articles and terms there are, and where each chunk
/// is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDirectory {
    pub articles: u32,
    pub terms: u32,
    /// The term chunks in order, each with the first term it holds.
    pub term_chunks: Vec<TermChunkEntry>,
    /// The postings chunks in order, each with the number of the first term it holds.
    pub postings_chunks: Vec<PostingsChunkEntry>,
    /// The hash of each details chunk; article `n` is in chunk `n / articles_per_details`.
    pub details_chunks: Vec<ChunkHash>,
    pub articles_per_details: u32,
    /// The articles' languages, each once.
    pub languages: Vec<SearchLanguage>,
    /// Each article's language, by its place in `languages`: what ranks the reader's
    /// language first before any details are downloaded (a few bytes per thousand articles
    /// deflated, most being in one language).
    pub article_languages: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermChunkEntry {
    pub first: String,
    pub hash: ChunkHash,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingsChunkEntry {
    pub first_term: u32,
    pub hash: ChunkHash,
}

/// The start of the SHA-256 of a chunk's bytes, which names it.
pub type ChunkHash = [u8; 8];

/// A chunk, by its kind and place in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChunkId {
    Terms(usize),
    Postings(usize),
    Details(usize),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Chunk {
    /// An `fst` map of each term to `number << 32 | articles` (its number, and how many articles
    /// it is found in, which picks the likeliest words a prefix or a typo can mean).
    Terms(Vec<u8>),
    /// For each term of the run, the articles it is found in: pairs of numbers, the article
    /// (as the difference from the pair before: small numbers, which postcard writes in a
    /// byte) and `place << 2 | field`, the place in that article where it counts most, with
    /// the kind of text it is found in there.
    Postings(Vec<Vec<u32>>),
    Details(Vec<IndexedArticle>),
}

/// An article as a result shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedArticle {
    pub slug: String,
    pub title: String,
    pub category: String,
    /// Its sections and questions in order: place `n` is `sections[n - 1]`; place 0 is the
    /// top of the article.
    pub sections: Vec<Place>,
}

/// A section or question a result can link to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub heading: String,
    /// The section's id where it is not the slug of its heading (most are: this keeps the
    /// index small).
    pub other_id: Option<String>,
}

impl Place {
    pub fn id(&self) -> String {
        self.other_id
            .clone()
            .unwrap_or_else(|| slugify(&self.heading))
    }
}

/// The most bytes a file inflates to: far more than any chunk, far less than a reader's
/// memory (a few damaged bytes can claim gigabytes).
const MOST_INFLATED: usize = 64 << 20;

/// `value` as a file of the index: its magic and version, then its postcard bytes deflated.
pub fn to_file_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.push(FORMAT_VERSION);
    let body = postcard::to_allocvec(value).unwrap_or_default();
    bytes.extend(miniz_oxide::deflate::compress_to_vec(&body, 10));
    bytes
}

fn from_file_bytes<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, String> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or("not a search index")?;
    let (version, body) = body.split_first().ok_or("not a search index")?;
    if *version != FORMAT_VERSION {
        return Err(format!(
            "a search index of format {version}, not {FORMAT_VERSION}: of another build"
        ));
    }
    let body = miniz_oxide::inflate::decompress_to_vec_with_limit(body, MOST_INFLATED)
        .map_err(|error| format!("the search index is damaged: {error}"))?;
    postcard::from_bytes(&body).map_err(|error| error.to_string())
}

impl SearchDirectory {
    /// Reads a directory file, checked whole.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchDirectory, String> {
        let directory: SearchDirectory = from_file_bytes(bytes)?;
        directory.check()?;
        Ok(directory)
    }

    fn check(&self) -> Result<(), String> {
        let terms_in_order = self
            .term_chunks
            .windows(2)
            .all(|pair| pair[0].first < pair[1].first);
        let postings_in_order = self
            .postings_chunks
            .windows(2)
            .all(|pair| pair[0].first_term < pair[1].first_term);
        let postings_start = self
            .postings_chunks
            .first()
            .is_none_or(|first| first.first_term == 0);
        let postings_inside = self
            .postings_chunks
            .last()
            .is_none_or(|last| last.first_term < self.terms);
        if !(terms_in_order && postings_in_order && postings_start && postings_inside) {
            return Err("the chunks are out of order".into());
        }
        if self.articles > MOST_ARTICLES {
            return Err("more articles than a library holds".into());
        }
        if (self.terms == 0) != self.postings_chunks.is_empty() {
            return Err("the terms and their postings differ".into());
        }
        let per = self.articles_per_details.max(1) as usize;
        if self.details_chunks.len() != (self.articles as usize).div_ceil(per) {
            return Err("the articles and their details differ".into());
        }
        Ok(())
    }

    /// Where chunk `id` is, relative to the site's base; none for a chunk it does not have.
    pub fn file(&self, id: ChunkId) -> Option<String> {
        let (kind, hash) = match id {
            ChunkId::Terms(n) => ("t", self.term_chunks.get(n)?.hash),
            ChunkId::Postings(n) => ("p", self.postings_chunks.get(n)?.hash),
            ChunkId::Details(n) => ("d", *self.details_chunks.get(n)?),
        };
        Some(chunk_file(kind, hash))
    }

    /// Reads the bytes fetched for chunk `id`: an error unless they are that chunk, with
    /// every number in it pointing inside the index.
    pub fn read_chunk(&self, id: ChunkId, bytes: &[u8]) -> Result<Chunk, String> {
        let chunk: Chunk = from_file_bytes(bytes)?;
        match (id, &chunk) {
            (ChunkId::Terms(_), Chunk::Terms(terms)) => self.check_terms(terms)?,
            (ChunkId::Postings(n), Chunk::Postings(lists)) => self.check_postings(n, lists)?,
            (ChunkId::Details(n), Chunk::Details(articles)) => {
                if Some(articles.len()) != self.articles_in_details(n) {
                    return Err("a details chunk of another size".into());
                }
            }
            _ => return Err("a chunk of another kind".into()),
        }
        Ok(chunk)
    }

    fn check_terms(&self, terms: &[u8]) -> Result<(), String> {
        let map = Map::new(terms).map_err(|error| error.to_string())?;
        // The map's own checksum: a damaged map would panic the automaton walking it.
        map.as_fst()
            .verify()
            .map_err(|error| format!("the terms are damaged: {error}"))?;
        let mut stream = map.stream();
        while let Some((_, value)) = stream.next() {
            if (value >> 32) >= u64::from(self.terms) {
                return Err("a term leads outside the postings".into());
            }
        }
        Ok(())
    }

    fn check_postings(&self, n: usize, lists: &[Vec<u32>]) -> Result<(), String> {
        let (first, end) = self.postings_range(n).ok_or("no such postings chunk")?;
        if lists.len() as u64 != u64::from(end - first) {
            return Err("a postings chunk of another size".into());
        }
        for list in lists {
            if list.len() % 2 != 0 {
                return Err("a posting is cut short".into());
            }
            let mut article = 0u32;
            for pair in list.chunks(2) {
                article = article.checked_add(pair[0]).ok_or("a posting overflows")?;
                if article >= self.articles || pair[1] & 3 == 0 {
                    return Err("a posting leads outside the articles".into());
                }
            }
        }
        Ok(())
    }

    /// The numbers of the first term of postings chunk `n` and of the one after its last.
    pub(super) fn postings_range(&self, n: usize) -> Option<(u32, u32)> {
        let first = self.postings_chunks.get(n)?.first_term;
        let end = self
            .postings_chunks
            .get(n + 1)
            .map_or(self.terms, |next| next.first_term);
        Some((first, end))
    }

    fn articles_in_details(&self, n: usize) -> Option<usize> {
        let per = self.articles_per_details.max(1) as usize;
        let first = n.checked_mul(per)?;
        let articles = self.articles as usize;
        (first < articles).then(|| per.min(articles - first))
    }
}

/// The name of a chunk of `kind` whose bytes hash to `hash`.
fn chunk_file(kind: &str, hash: ChunkHash) -> String {
    let hex: String = hash.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{SEARCH_CHUNKS_FOLDER}{kind}-{hex}.bin")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> SearchDirectory {
        SearchDirectory {
            articles: 3,
            terms: 2,
            term_chunks: vec![TermChunkEntry {
                first: "walk".into(),
                hash: [1; 8],
            }],
            postings_chunks: vec![PostingsChunkEntry {
                first_term: 0,
                hash: [2; 8],
            }],
            details_chunks: vec![[3; 8], [4; 8]],
            articles_per_details: 2,
            languages: vec![SearchLanguage {
                tag: "en".into(),
                name: "English".into(),
            }],
            article_languages: vec![0; 3],
        }
    }

    #[test]
    fn bytes_that_are_not_an_index_of_this_format_are_an_error() {
        assert_eq!(
            SearchDirectory::from_bytes(b"not an index")
                .err()
                .as_deref(),
            Some("not a search index")
        );
        let mut other_version = to_file_bytes(&directory());
        other_version[MAGIC.len()] = FORMAT_VERSION + 1;
        assert!(SearchDirectory::from_bytes(&other_version)
            .expect_err("another version")
            .contains("of another build"));
        assert_eq!(
            SearchDirectory::from_bytes(&to_file_bytes(&directory())),
            Ok(directory())
        );
    }

    #[test]
    fn a_directory_of_more_articles_than_a_library_holds_is_refused() {
        let mut huge = directory();
        huge.articles = MOST_ARTICLES + 1;
        huge.articles_per_details = u32::MAX;
        huge.details_chunks = vec![[3; 8]];
        assert_eq!(
            SearchDirectory::from_bytes(&to_file_bytes(&huge))
                .err()
                .as_deref(),
            Some("more articles than a library holds")
        );
    }

    #[test]
    fn a_chunk_must_be_the_one_its_name_says() {
        let directory = directory();
        let postings = to_file_bytes(&Chunk::Postings(vec![vec![1, 1], vec![0, 2, 2, 3]]));
        assert!(directory
            .read_chunk(ChunkId::Postings(0), &postings)
            .is_ok());
        assert_eq!(
            directory.read_chunk(ChunkId::Details(0), &postings),
            Err("a chunk of another kind".into())
        );
        for broken in [
            Chunk::Postings(vec![vec![1, 1]]),
            Chunk::Postings(vec![vec![1, 1], vec![3, 1]]),
            Chunk::Postings(vec![vec![1, 1], vec![1, 4]]),
            Chunk::Postings(vec![vec![1], vec![1, 1]]),
        ] {
            assert!(
                directory
                    .read_chunk(ChunkId::Postings(0), &to_file_bytes(&broken))
                    .is_err(),
                "{broken:?}"
            );
        }
        let one_article = to_file_bytes(&Chunk::Details(vec![IndexedArticle {
            slug: "a".into(),
            title: "A".into(),
            category: "C".into(),
            sections: Vec::new(),
        }]));
        assert!(directory
            .read_chunk(ChunkId::Details(1), &one_article)
            .is_ok());
        assert!(directory
            .read_chunk(ChunkId::Details(0), &one_article)
            .is_err());
    }

    #[test]
    fn a_chunk_is_named_by_its_hash() {
        assert_eq!(
            directory().file(ChunkId::Details(1)).as_deref(),
            Some("content/search/d-0404040404040404.bin")
        );
        assert_eq!(directory().file(ChunkId::Terms(1)), None);
    }
}
