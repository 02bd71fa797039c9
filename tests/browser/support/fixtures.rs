//! The suite's own content (`tests/fixtures/`) and the shipped content, read for tests that
//! compare the page with them.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::site::repo_root;

/// The suite's own site folder: `content/` and `images/`.
pub fn fixtures_dir() -> PathBuf {
    repo_root().join("tests/fixtures")
}

/// A fixture content file, as JSON, for tests that compare the page with it.
pub fn content_json(file: &str) -> serde_json::Value {
    json_file(&fixtures_dir().join("content").join(file))
}

/// A word of the interface, as the fixture site's table of its own language says it.
pub fn word(word: clinic_content::words::Word) -> String {
    let site: clinic_content::SiteSettings =
        serde_json::from_value(content_json("site.json")).expect("the site's settings");
    let table = clinic_content::words::locale_file(site.language());
    let words: clinic_content::words::Words =
        serde_json::from_value(content_json(table.trim_start_matches("content/")))
            .expect("the site's table of words");
    words.text(word)
}

/// The CSS selector of the `nav` that `word` names (`nav[aria-label="Pages"]`), for a test
/// that finds it as a screen reader does, by its name, in whatever words the site's table gives.
pub fn nav_named(name: clinic_content::words::Word) -> String {
    format!("nav[aria-label={:?}]", word(name))
}

/// The outline (heading ids) of a fixture article, as the app derives it.
pub fn fixture_outline(slug: &str) -> clinic_content::Outline {
    clinic_content::Outline::of(&fixture_article(slug))
}

/// The fixture article written in Markdown (`tests/fixtures/markdown/`), as the build reads
/// it.
pub fn markdown_fixture_article() -> clinic_content::Article {
    let slug = "stretching-at-your-desk";
    let file = fixtures_dir().join(format!("markdown/{slug}.md"));
    let markdown = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
    clinic_editor::markdown::read_article(&markdown, slug, &fixtures_dir())
        .expect("the fixture reads")
}

/// A fixture article, as the app reads it.
pub fn fixture_article(slug: &str) -> clinic_content::Article {
    use clinic_content::load::parse;
    let file = format!("articles/{slug}.json");
    let text = std::fs::read_to_string(fixtures_dir().join("content").join(&file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    parse(&file, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The fixture site's settings.
pub fn fixture_site() -> clinic_content::SiteSettings {
    serde_json::from_value(content_json("site.json")).expect("the fixture settings")
}

/// The fixture library: every fixture article as the lists show it.
pub fn fixture_library() -> clinic_content::Library {
    clinic_content::Library::of(&fixture_articles(), &fixture_site())
}

/// Every fixture article, in the index's order.
pub fn fixture_articles() -> Vec<clinic_content::Article> {
    content_json("articles.json")["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|summary| fixture_article(summary["slug"].as_str().expect("slug")))
        .collect()
}

/// The slug of the fixture article the home page shows.
pub fn home_slug() -> String {
    let home = content_json("articles.json")["home"].clone();
    home.as_str().expect("a home article").to_string()
}

/// The slug of a fixture article other than the home page's.
pub fn other_slug() -> String {
    let home = home_slug();
    fixture_articles()
        .into_iter()
        .map(|article| article.slug)
        .find(|slug| *slug != home)
        .expect("the fixtures have a second article")
}

/// A fixture article's content file, as the site serves it.
pub fn article_file(slug: &str) -> String {
    format!("/content/articles/{slug}.json")
}

/// A fixture article's title.
pub fn title_of(slug: &str) -> String {
    content_json(&format!("articles/{slug}.json"))["title"]
        .as_str()
        .expect("a title")
        .to_string()
}

/// A script that says whether the page's heading is `title`.
pub fn shows_title(title: &str) -> String {
    format!("return document.querySelector('h1')?.textContent === {title:?}")
}

/// The blocks of an article's body, in the order the page shows them: the introduction, then
/// each section's, each followed by its parts'.
pub fn body_blocks(article: &Value) -> Vec<Value> {
    let list = |value: &Value| value.as_array().cloned().unwrap_or_default();
    let mut blocks = list(&article["intro"]);
    for section in list(&article["sections"]) {
        blocks.extend(list(&section["body"]));
        for part in list(&section["subsections"]) {
            blocks.extend(list(&part["body"]));
        }
    }
    blocks
}

/// Every span of one of `kinds` (`strong`, `emphasis`, `link`, `booking_link`) in `blocks`, in
/// order.
pub fn spans(blocks: &[Value], kinds: &[&str]) -> Vec<Value> {
    let mut runs: Vec<Value> = Vec::new();
    for block in blocks {
        runs.extend(block.get("paragraph").cloned());
        for kind in ["list", "numbered_list"] {
            runs.extend(block[kind].as_array().into_iter().flatten().cloned());
        }
    }
    runs.iter()
        .flat_map(|run| run.as_array().cloned().unwrap_or_default())
        .filter(|span| kinds.iter().any(|kind| span.get(*kind).is_some()))
        .collect()
}

/// A span's text.
pub fn span_text(span: &Value) -> String {
    plain(&Value::Array(vec![span.clone()]))
}

/// A content file of the shipped site as its build published it (`public/content/`, with the
/// Markdown articles of `content-src/` written in), as JSON.
pub fn shipped_content_json(file: &str) -> serde_json::Value {
    json_file(&super::site::shipped_site_dir().join("content").join(file))
}

/// The plain text of a JSON rich-text run.
pub fn plain(inlines: &Value) -> String {
    inlines
        .as_array()
        .expect("rich text is a list")
        .iter()
        .map(|span| {
            let (kind, value) = span
                .as_object()
                .and_then(|o| o.iter().next())
                .expect("a span");
            match kind.as_str() {
                "link" => value["text"].as_str(),
                _ => value.as_str(),
            }
            .expect("span text")
            .to_string()
        })
        .collect()
}

/// Every paragraph and list item of `blocks`, as plain text.
pub fn block_texts(blocks: &Value) -> Vec<String> {
    let mut texts = Vec::new();
    for block in blocks.as_array().into_iter().flatten() {
        if let Some(paragraph) = block.get("paragraph") {
            texts.push(plain(paragraph));
        }
        for kind in ["list", "numbered_list"] {
            for item in block[kind].as_array().into_iter().flatten() {
                texts.push(plain(item));
            }
        }
    }
    texts
}

fn json_file(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// The longest word of `text`, as search reads it: one that finds the text it is from.
pub fn longest_word(text: &str) -> String {
    clinic_content::search::words(text)
        .into_iter()
        .max_by_key(|word| word.chars().count())
        .expect("a word")
}
