//! Bytes from the network never panic the app (`panic = "abort"` would end it): the readers
//! the browser uses are fed random, truncated and damaged input, and must answer with an
//! error or a valid value. The search index (its directory, `SearchDirectory::from_bytes`,
//! and each chunk, `read_chunk`, then a search on what they read) and the content a
//! pre-rendered page carries (`load::parse` of each kind of file).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use proptest::prelude::*;

use clinic_build::search_index::{search_index, ChunkSizes, SearchFiles};
use clinic_content::fixtures::in_english;
use clinic_content::language::DEFAULT_LANGUAGE;
use clinic_content::load::parse;
use clinic_content::search::{search_with, ChunkId, LoadedChunks, Search, SearchDirectory};
use clinic_content::{Article, ArticleIndex, Library, SiteSettings};

fn fixture(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// Every content file of the fixture site, relative to its `content/` folder.
fn fixture_files() -> Vec<String> {
    let mut files = vec!["site.json".to_string(), "articles.json".to_string()];
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content/articles");
    for entry in std::fs::read_dir(articles)
        .expect("the fixture articles")
        .flatten()
    {
        files.push(format!("articles/{}", entry.file_name().to_string_lossy()));
    }
    files
}

/// The fixture site's search index, as the build writes it, in chunks small enough that it
/// has several of each kind.
fn valid_index() -> SearchFiles {
    let index: ArticleIndex =
        parse("content/articles.json", &fixture("articles.json")).expect("the fixture index");
    let articles: Vec<Article> = index
        .articles
        .iter()
        .map(|summary| {
            let file = format!("articles/{}.json", summary.slug);
            parse(&file, &fixture(&file)).expect("a fixture article")
        })
        .collect();
    let sizes = ChunkSizes {
        term_bytes: 512,
        postings_bytes: 512,
        articles_per_details: 1,
    };
    search_index(&articles, in_english, sizes)
}

const QUERIES: [&str; 5] = ["walk", "winter cold", "wlak", "a", ""];

/// Reads `bytes` as a directory, and searches what it read with the valid index's chunks.
fn read_as_directory(index: &SearchFiles, bytes: &[u8]) {
    if let Ok(directory) = SearchDirectory::from_bytes(bytes) {
        for query in QUERIES {
            let _ = search_with(&directory, query, 10, DEFAULT_LANGUAGE, |id| {
                let bytes = index.chunks.get(&id).ok_or("no such chunk")?;
                directory.read_chunk(id, bytes)
            });
        }
    }
}

/// Reads `bytes` as the chunk `id` of the valid index, and searches with it in place of the
/// valid one (the others as they are).
fn read_as_chunk(index: &SearchFiles, id: ChunkId, bytes: &[u8]) {
    let Ok(chunk) = index.directory.read_chunk(id, bytes) else {
        return;
    };
    let mut loaded = LoadedChunks::default();
    for (other, bytes) in &index.chunks {
        if let Ok(chunk) = index.directory.read_chunk(*other, bytes) {
            loaded.insert(*other, chunk);
        }
    }
    loaded.insert(id, chunk);
    for query in QUERIES {
        assert!(matches!(
            index.directory.search(&loaded, query, 10, DEFAULT_LANGUAGE),
            Search::Found(_)
        ));
    }
}

/// Reads `text` as each kind of content file a page carries.
fn read_as_content(text: &str) {
    let _ = parse::<SiteSettings>("content/site.json", text);
    let _ = parse::<ArticleIndex>("content/articles.json", text);
    let _ = parse::<Library>("content/library.json", text);
    let _ = parse::<Article>("content/articles/x.json", text);
}

#[test]
fn the_valid_index_reads_and_every_truncation_of_it_is_refused() {
    let index = valid_index();
    assert!(!index
        .search("walk", 10, DEFAULT_LANGUAGE)
        .expect("it reads")
        .is_empty());
    let directory = clinic_content::search::to_file_bytes(&index.directory);
    for length in 0..directory.len() {
        assert!(
            SearchDirectory::from_bytes(&directory[..length]).is_err(),
            "the first {length} bytes"
        );
    }
    for (id, bytes) in &index.chunks {
        for length in 0..bytes.len() {
            assert!(
                index.directory.read_chunk(*id, &bytes[..length]).is_err(),
                "the first {length} bytes of {id:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic_the_index_reader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let index = valid_index();
        read_as_directory(&index, &bytes);
        for id in [ChunkId::Terms(0), ChunkId::Postings(0), ChunkId::Details(0)] {
            read_as_chunk(&index, id, &bytes);
        }
    }

    #[test]
    fn a_damaged_index_never_panics_the_reader_or_the_search(
        chunk in any::<prop::sample::Index>(),
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)
    ) {
        let index = valid_index();
        let mut ids: Vec<&ChunkId> = index.chunks.keys().collect();
        ids.sort();
        let id = *ids[chunk.index(ids.len())];
        let mut bytes = index.chunks[&id].clone();
        let mut directory = clinic_content::search::to_file_bytes(&index.directory);
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
            let at = at % directory.len();
            directory[at] = value;
        }
        read_as_chunk(&index, id, &bytes);
        read_as_directory(&index, &directory);
    }

    #[test]
    fn damaged_page_content_never_panics_its_readers(
        file in prop::sample::select(fixture_files()),
        cut in any::<prop::sample::Index>(),
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<char>()), 0..8),
    ) {
        let mut text: Vec<char> = fixture(&file).chars().collect();
        for (at, value) in changes {
            let at = at.index(text.len());
            text[at] = value;
        }
        let cut = cut.index(text.len() + 1);
        let text: String = text[..cut].iter().collect();
        read_as_content(&text);
    }

    #[test]
    fn random_text_never_panics_the_content_readers(text in "\\PC{0,400}") {
        read_as_content(&text);
    }
}
