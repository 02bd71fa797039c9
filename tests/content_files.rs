//! Every bundled content file, and every Markdown article, goes through the same types and
//! rules as in the browser. An editor who breaks a file gets a failure naming the file and the
//! line and column, or the field path.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use clinic_content::load::{article_file, parse, INDEX_FILE, SITE_FILE};
use clinic_content::review::today;
use clinic_content::validate::Validate;
use clinic_content::{Article, ArticleIndex, ContentError, SiteSettings};
use clinic_editor::check::{check_folder, check_site};
use clinic_editor::sources::{published_copy, SOURCES_DIR};
use serde::de::DeserializeOwned;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn public_dir() -> PathBuf {
    root().join("public")
}

/// The browser tests' own content, which the tests of broken files break on purpose.
fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Reads a shipped file as the site serves it (`content/...`, the Markdown articles written
/// in as a build writes them), through the browser's own decoder.
fn load<T: DeserializeOwned + Validate>(file: &str) -> Result<T, ContentError> {
    static PUBLISHED: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let published = PUBLISHED.get_or_init(|| {
        let (folder, published) = published_copy(
            &public_dir().join("content"),
            &root().join(SOURCES_DIR),
            &public_dir(),
        )
        .expect("a published copy");
        assert!(published.problems.is_empty(), "{:?}", published.problems);
        folder
    });
    let path = published.path().join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| ContentError::Unavailable {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    parse(file, &text)
}

fn must<T>(result: Result<T, ContentError>) -> T {
    result.unwrap_or_else(|error| panic!("\n{error}\n"))
}

#[test]
fn every_content_folder_passes_the_content_check() {
    // What `cargo run --bin content -- check` reports: every file valid, every article listed
    // and present with the index's slug and title, every image bundled.
    let shipped = check_site(
        &public_dir().join("content"),
        &root().join(SOURCES_DIR),
        &today(),
    );
    let fixture = check_folder(&fixture_dir().join("content"), &today());
    for report in [shipped, fixture] {
        let problems = report.problems;
        assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
    }
}

#[test]
fn a_syntax_error_is_reported_with_file_line_and_column() {
    let error = parse::<SiteSettings>("content/site.json", "{\n  \"clinic_name\": \"A\",\n}")
        .expect_err("trailing comma");
    let message = error.to_string();
    assert!(message.starts_with("content/site.json"), "{message}");
    assert!(message.contains("line 3 column 1"), "{message}");
}

#[test]
fn a_wrong_or_unknown_field_is_reported_with_its_path() {
    let text = std::fs::read_to_string(fixture_dir().join(SITE_FILE)).expect("site.json");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["phone"]["number"] = "1".into();
    let message = parse::<SiteSettings>(SITE_FILE, &json.to_string())
        .expect_err("unknown field")
        .to_string();
    assert!(message.contains("phone"), "{message}");
    assert!(message.contains("unknown field `number`"), "{message}");

    json["phone"]
        .as_object_mut()
        .expect("phone")
        .remove("number");
    json["announcement"][1] = serde_json::json!({"bold": "x"});
    let message = parse::<SiteSettings>(SITE_FILE, &json.to_string())
        .expect_err("unknown span kind")
        .to_string();
    assert!(message.contains("announcement[1]"), "{message}");
}

#[test]
fn a_broken_rule_is_reported_with_the_field_path() {
    let file = article_file("walking-comfortably-in-winter");
    let text = std::fs::read_to_string(fixture_dir().join(&file)).expect("article");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["sections"][1]["body"][1]["list"][1] =
        serde_json::json!([{"link": {"text": "x", "href": "javascript:alert(1)"}}]);
    json["faq"]["items"][0]["question"] = " ".into();
    let error = parse::<Article>(&file, &json.to_string()).expect_err("invalid");
    let ContentError::Invalid { problems, .. } = &error else {
        panic!("expected a rule violation, got {error}");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "sections[1].body[1].list[1][0].link.href",
            "faq.items[0].question"
        ]
    );
    assert!(error.to_string().contains("javascript:alert(1)"));
}

#[test]
fn the_json_ld_holds_every_question_and_answer_of_every_article() {
    use clinic_content::structured_data::json_ld;
    use clinic_content::words::{locale_file, Words};
    let site: SiteSettings = must(load(SITE_FILE));
    let index: ArticleIndex = must(load(INDEX_FILE));
    for summary in &index.articles {
        let article: Article = must(load(&article_file(&summary.slug)));
        let words: Words = must(load(&locale_file(site.language_of(&article))));
        let ld: serde_json::Value =
            serde_json::from_str(&json_ld(&article, &site, &words, &Default::default()))
                .expect("JSON-LD is valid JSON");
        assert_eq!(ld["@context"], "https://schema.org");
        let graph = ld["@graph"].as_array().expect("@graph");
        let page = &graph[0];
        assert_eq!(page["@type"], "MedicalWebPage");
        assert_eq!(page["headline"], article.title.as_str());
        assert_eq!(page["description"], article.description.as_str());
        assert_eq!(page["datePublished"], article.published.as_str());
        assert_eq!(page["publisher"]["name"], site.clinic_name.as_str());
        let faq = &graph[1];
        assert_eq!(faq["@type"], "FAQPage");
        let entities = faq["mainEntity"].as_array().expect("mainEntity");
        assert_eq!(
            entities.len(),
            article.faq.as_ref().expect("an FAQ").items.len()
        );
        for (entity, item) in entities
            .iter()
            .zip(&article.faq.as_ref().expect("an FAQ").items)
        {
            assert_eq!(entity["@type"], "Question");
            assert_eq!(entity["name"], item.question.as_str());
            assert_eq!(entity["acceptedAnswer"]["@type"], "Answer");
            let answer: Vec<String> = item.answer.iter().flat_map(|b| b.texts()).collect();
            assert_eq!(entity["acceptedAnswer"]["text"], answer.join("\n").as_str());
            assert!(!answer.is_empty());
        }
    }
}
