//! Bytes from the network never panic the app (`panic = "abort"` would end it): the readers
//! the browser uses are fed random, truncated and damaged input, and must answer with an
//! error or a valid value. The search index (`SearchIndex::from_bytes`, then a search on what
//! it read) and the content a pre-rendered page carries (`load::parse` of each kind of file).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use proptest::prelude::*;

use clinic_content::load::parse;
use clinic_content::search::SearchIndex;
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

/// The fixture site's search index, as the build writes it.
fn valid_index() -> Vec<u8> {
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
    clinic_build::search_index::search_index(&articles).to_bytes()
}

/// Reads `bytes` as the browser does, and searches what it read.
fn read_and_search(bytes: &[u8]) {
    if let Ok(index) = SearchIndex::from_bytes(bytes) {
        for query in ["walk", "winter cold", "wlak", "a", ""] {
            let _ = index.search(query, 10);
        }
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
    let bytes = valid_index();
    let index = SearchIndex::from_bytes(&bytes).expect("the build's index reads");
    assert!(!index.search("walk", 10).is_empty());
    for length in 0..bytes.len() {
        assert!(
            SearchIndex::from_bytes(&bytes[..length]).is_err(),
            "the first {length} bytes"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic_the_index_reader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        read_and_search(&bytes);
    }

    #[test]
    fn a_damaged_index_never_panics_the_reader_or_the_search(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)
    ) {
        let mut bytes = valid_index();
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        read_and_search(&bytes);
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
