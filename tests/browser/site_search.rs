//! Search from the header: what it finds (a prefix, a typo, a word only an FAQ answer has),
//! how it is used with the keyboard alone, that its index downloads only once a reader starts
//! to search, and that it works offline once it has. The words searched for are picked from
//! the fixture articles, so that a clinic's own articles keep it green.

use std::collections::BTreeSet;

use clinic_app::contract::{SEARCH_WORKER_ATTRIBUTE, SEARCH_WORKER_NAME, SHELL_FILE};
use clinic_content::language::DEFAULT_LANGUAGE;
use clinic_content::search::{
    search_with, words, SearchDirectory, SEARCH_CHUNKS_FOLDER, SEARCH_DIRECTORY_FILE,
};
use clinic_content::{Article, Block, Outline};
use serde_json::json;

use crate::support::{
    fixture_articles, run_in_browser, site_dir, site_with_smallest_search_chunks,
    with_desktop_page, Page, Server, Unknown, ENTER,
};

const FIELD: &str = "#site-search-input";
const RESULT_LINKS: &str = ".site-search-results li a";
const ARROW_DOWN: &str = "\u{E015}";
const ESCAPE: &str = "\u{E00C}";

/// Every word of an article outside its FAQ answers.
fn words_outside_answers(article: &Article) -> Vec<String> {
    let mut texts = vec![article.title.clone()];
    texts.extend(article.body_blocks().flat_map(Block::texts));
    texts.extend(article.sections.iter().map(|s| s.heading.clone()));
    texts.extend(
        article
            .sections
            .iter()
            .flat_map(|s| s.subsections.iter().map(|sub| sub.heading.clone())),
    );
    texts.extend(
        article
            .faq
            .as_ref()
            .expect("an FAQ")
            .items
            .iter()
            .map(|item| item.question.clone()),
    );
    texts.iter().flat_map(|text| words(text)).collect()
}

/// A word of five letters or more that only one FAQ answer of all the articles has: the
/// article, the word, and the id of its question.
fn word_only_in_an_answer() -> (Article, String, String) {
    let articles = fixture_articles();
    let everywhere_else: Vec<String> = articles.iter().flat_map(words_outside_answers).collect();
    for article in &articles {
        let outline = Outline::of(article);
        for (item, entry) in article
            .faq
            .as_ref()
            .expect("an FAQ")
            .items
            .iter()
            .zip(&outline.faq.as_ref().expect("an FAQ").children)
        {
            let answer_words: Vec<String> = item
                .answer
                .iter()
                .flat_map(Block::texts)
                .flat_map(|text| words(&text))
                .collect();
            let unique = answer_words.iter().find(|word| {
                word.len() >= 5
                    && !everywhere_else.contains(word)
                    && articles
                        .iter()
                        .flat_map(|a| &a.faq.as_ref().expect("an FAQ").items)
                        .filter(|other| {
                            other
                                .answer
                                .iter()
                                .flat_map(Block::texts)
                                .any(|text| words(&text).contains(word))
                        })
                        .count()
                        == 1
            });
            if let Some(word) = unique {
                return (article.clone(), word.clone(), entry.id.clone());
            }
        }
    }
    panic!("the fixtures need a word that only one FAQ answer has");
}

/// The results shown: each link's address and text, and what the status says.
async fn results(page: &Page) -> (Vec<(String, String)>, String) {
    page.wait_until(
        "the search answers",
        "const status = document.querySelector('#site-search-results-status').textContent.trim();
         return status !== '' && status !== 'Searching…'",
    )
    .await;
    let found = page
        .eval(&format!(
            "return [...document.querySelectorAll({RESULT_LINKS:?})]
               .map(a => [a.getAttribute('href'), a.textContent])"
        ))
        .await;
    let status = page
        .text("#site-search-results-status")
        .await
        .trim()
        .to_string();
    (serde_json::from_value(found).expect("results"), status)
}

async fn clear(page: &Page) {
    page.press(ESCAPE).await;
    assert_eq!(
        page.eval(&format!("return document.querySelector({FIELD:?}).value"))
            .await,
        json!(""),
        "Escape clears the field"
    );
    assert_eq!(
        page.eval("return document.querySelector('.site-search-results').hidden")
            .await,
        json!(true)
    );
}

#[tokio::test]
async fn search_finds_a_prefix_a_typo_and_a_word_only_an_answer_has() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        let articles = fixture_articles();

        // A prefix: the start of a long word of a title, as the reader types it.
        let (article, word) = articles
            .iter()
            .find_map(|a| {
                let word = words(&a.title).into_iter().find(|w| w.len() >= 7)?;
                Some((a, word))
            })
            .expect("a title with a long word");
        page.type_search(&word[..4]).await;
        let (found, status) = results(&page).await;
        assert!(
            found.iter().any(
                |(href, text)| href == &format!("/articles/{}/", article.slug)
                    && text.contains(&article.title)
                    && text.contains(&article.category)
            ),
            "{word:?} typed as far as {:?}: {found:?}",
            &word[..4]
        );
        let count = found.len();
        let expected = if count == 1 {
            "1 result".to_string()
        } else {
            format!("{count} results")
        };
        assert_eq!(status, expected, "the status counts the results");
        clear(&page).await;

        // A typo: one letter of a section heading's long word replaced.
        let outline = Outline::of(article);
        let (section, word) = outline
            .sections
            .iter()
            .find_map(|entry| {
                let word = words(&entry.text).into_iter().find(|w| w.len() >= 6)?;
                Some((entry, word))
            })
            .expect("a heading with a long word");
        let mut typo: Vec<char> = word.chars().collect();
        typo[2] = if typo[2] == 'x' { 'z' } else { 'x' };
        let typo: String = typo.into_iter().collect();
        page.type_search(&format!("{typo} ")).await;
        let (found, _) = results(&page).await;
        assert!(
            found
                .iter()
                .any(|(href, _)| href.starts_with(&format!("/articles/{}/", article.slug))),
            "{typo:?} for {word:?} (in {:?}): {found:?}",
            section.text
        );
        clear(&page).await;

        // Nothing found: said, with the way to every article.
        page.type_search("qqqzzzxxx ").await;
        let (found, status) = results(&page).await;
        assert!(found.is_empty());
        assert!(status.starts_with("No articles match"), "{status}");
        assert_eq!(
            page.attr(".site-search-results p a", "href")
                .await
                .as_deref(),
            Some("/articles/")
        );
    })
    .await;
}

#[tokio::test]
async fn a_word_only_an_answer_has_opens_its_question_with_the_keyboard_alone() {
    with_desktop_page(|page| async move {
        let (article, word, question) = word_only_in_an_answer();
        page.open("/articles/").await;
        page.tab_to(FIELD, 10).await;
        page.press(&format!("{word} ")).await;
        let (found, _) = results(&page).await;
        let target = format!("/articles/{}/#{question}", article.slug);
        assert_eq!(
            found.first().map(|(href, _)| href.as_str()),
            Some(target.as_str())
        );
        let question_text = Outline::of(&article)
            .faq
            .expect("an FAQ")
            .children
            .iter()
            .find(|entry| entry.id == question)
            .map(|entry| entry.text.clone())
            .unwrap_or_default();
        assert!(
            found[0].1.contains(&question_text),
            "names the section: {found:?}"
        );
        // Down to the result, and Enter opens it at its question.
        page.press(ARROW_DOWN).await;
        assert_eq!(
            page.eval("return document.activeElement.getAttribute('href')")
                .await,
            json!(target)
        );
        page.press(ENTER).await;
        page.wait_until(
            "the article opens at the question",
            &format!(
                "return location.pathname === '/articles/{}/' && location.hash === '#{question}'",
                article.slug
            ),
        )
        .await;
        page.wait_until_the_app_runs().await;
        page.wait_until(
            "its answer is open",
            &format!(
                "const q = document.getElementById({question:?});
                 const button = q && (q.matches('button') ? q : q.querySelector('button'));
                 return !!button && button.getAttribute('aria-expanded') === 'true'"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn enter_in_the_field_opens_the_first_result() {
    with_desktop_page(|page| async move {
        let (article, word, question) = word_only_in_an_answer();
        page.open("/").await;
        page.type_search(&format!("{word} ")).await;
        results(&page).await;
        page.press(ENTER).await;
        page.wait_until(
            "the first result opens",
            &format!(
                "return location.pathname === '/articles/{}/' && location.hash === '#{question}'",
                article.slug
            ),
        )
        .await;
    })
    .await;
}

/// Whether anything (the page, its search worker) has asked the server for the search
/// index.
fn index_requested(page: &Page) -> bool {
    page.server
        .requested()
        .iter()
        .any(|path| path.contains("content/search"))
}

#[tokio::test]
async fn words_typed_before_the_app_runs_are_searched_once_it_does() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        let (article, word, question) = word_only_in_an_answer();
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        page.type_search(&format!("{word} ")).await;
        app.release();
        page.wait_until_the_app_runs().await;
        let (found, _) = results(&page).await;
        assert_eq!(
            found.first().map(|(href, _)| href.clone()),
            Some(format!("/articles/{}/#{question}", article.slug))
        );
    })
    .await;
}

#[tokio::test]
async fn the_index_downloads_only_once_a_reader_starts_to_search_and_works_offline() {
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        let (article, word, _) = word_only_in_an_answer();
        page.open(&format!("/articles/{}/", article.slug)).await;
        page.wait_until_saved_for_offline().await;
        assert!(!index_requested(&page), "reading costs no index");
        page.type_search(&format!("{word} ")).await;
        let (online, _) = results(&page).await;
        assert!(index_requested(&page));
        assert!(!online.is_empty());

        page.server.go_down();
        page.set_offline(true).await;
        page.open(&format!("/articles/{}/", article.slug)).await;
        page.type_search(&format!("{word} ")).await;
        let (offline, _) = results(&page).await;
        assert_eq!(offline, online, "the same results offline");
    })
    .await;
}

/// The chunks of the index at `site` that a search for `query` needs, as the index's own
/// query loads them.
fn chunks_needed(site: &std::path::Path, query: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(site.join(SEARCH_DIRECTORY_FILE)).expect("the directory");
    let directory = SearchDirectory::from_bytes(&bytes).expect("a directory");
    let mut needed = BTreeSet::new();
    search_with(&directory, query, 10, DEFAULT_LANGUAGE, |id| {
        let file = directory.file(id).ok_or("a chunk the directory names")?;
        let bytes = std::fs::read(site.join(&file)).map_err(|error| error.to_string())?;
        needed.insert(format!("/{file}"));
        directory.read_chunk(id, &bytes)
    })
    .expect("the index answers");
    needed
}

#[tokio::test]
async fn a_query_downloads_only_the_chunks_of_its_terms() {
    let site = site_with_smallest_search_chunks();
    let (article, word, question) = word_only_in_an_answer();
    let query = format!("{word} ");
    let needed = chunks_needed(site, &query);
    let chunks = std::fs::read_dir(site.join(SEARCH_CHUNKS_FOLDER))
        .expect("the chunks")
        .count();
    assert!(
        needed.len() * 10 < chunks,
        "{} of {chunks} chunks",
        needed.len()
    );
    let server = Server::start_with(site, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        // The whole query at once, as pasted: each key typed is a query of its own.
        page.eval(&format!(
            "const field = document.querySelector({FIELD:?});
             field.focus();
             field.value = {};
             field.dispatchEvent(new Event('input', {{ bubbles: true }}))",
            serde_json::to_string(&query).expect("a string")
        ))
        .await;
        let (found, _) = results(&page).await;
        assert_eq!(
            found.first().map(|(href, _)| href.clone()),
            Some(format!("/articles/{}/#{question}", article.slug))
        );
        let requested: BTreeSet<String> = page
            .server
            .requested()
            .into_iter()
            .filter(|path| path.starts_with(&format!("/{SEARCH_CHUNKS_FOLDER}")))
            .collect();
        assert_eq!(requested, needed);
    })
    .await;
}

/// The address of the search worker's script, as the build named it on the app's script.
fn worker_script(site: &std::path::Path) -> String {
    let shell = std::fs::read_to_string(site.join(SHELL_FILE)).expect("the app's shell");
    let named = format!("{SEARCH_WORKER_ATTRIBUTE}=\"");
    let at = shell
        .find(&named)
        .expect("the shell names the search worker")
        + named.len();
    shell[at..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn search_runs_in_a_worker_that_the_first_search_starts() {
    let script = worker_script(site_dir());
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        let (article, word, question) = word_only_in_an_answer();
        page.open(&format!("/articles/{}/", article.slug)).await;
        page.wait_until_saved_for_offline().await;
        let worker_requested = |page: &Page| {
            page.server
                .requested()
                .iter()
                .any(|path| path.contains(SEARCH_WORKER_NAME))
        };
        assert!(
            !worker_requested(&page),
            "reading starts no search worker (and the service worker does not fetch it)"
        );
        page.type_search(&format!("{word} ")).await;
        let (found, _) = results(&page).await;
        assert_eq!(
            found.first().map(|(href, _)| href.clone()),
            Some(format!("/articles/{}/#{question}", article.slug))
        );
        assert!(page.server.requested().contains(&script), "{script}");
        // The page downloads the index's directory while the worker starts; the worker
        // fetches the chunks.
        assert_eq!(
            page.eval(&format!(
                "return performance.getEntriesByType('resource')
                   .filter(entry => entry.name.includes('/{SEARCH_CHUNKS_FOLDER}')).length"
            ))
            .await,
            json!(0),
            "the worker fetches the index's chunks, not the page"
        );
        assert!(page
            .server
            .requested()
            .iter()
            .any(|path| path.starts_with(&format!("/{SEARCH_CHUNKS_FOLDER}"))));
    })
    .await;
}

#[tokio::test]
async fn a_search_worker_that_stops_is_started_again_by_the_next_keystroke() {
    with_desktop_page(|page| async move {
        // Each worker the page starts, kept where the test can reach it.
        page.before_each_load(
            "window.__workers = [];
             window.Worker = class extends Worker {
               constructor(...args) { super(...args); __workers.push(this); }
             };",
        )
        .await;
        let (article, word, question) = word_only_in_an_answer();
        let found_by = format!("/articles/{}/#{question}", article.slug);
        page.open(&format!("/articles/{}/", article.slug)).await;
        page.type_search(&format!("{word} ")).await;
        let (found, _) = results(&page).await;
        assert_eq!(found.first().map(|(href, _)| href), Some(&found_by));
        // The worker fails as it runs (as a panic would make it): it answers no more.
        page.eval(
            "const worker = __workers.at(-1);
             worker.terminate();
             worker.dispatchEvent(new ErrorEvent('error', { message: 'a panic' }));",
        )
        .await;
        // The reader searches again: the first keystroke finds the worker stopped, the next
        // starts a new one, which answers.
        page.press(ESCAPE).await;
        page.type_search(&format!("{word} ")).await;
        page.wait_until(
            "a new worker answers",
            &format!(
                "return __workers.length === 2 && [...document.querySelectorAll({RESULT_LINKS:?})]
                   .some(a => a.getAttribute('href') === {found_by:?})"
            ),
        )
        .await;
    })
    .await;
}

/// Searches on a site whose search worker `break_it` breaks: the reader is told search is
/// not available (`expected`), not left with "Searching…"; and the page goes on working.
async fn search_with_a_broken_worker(break_it: fn(&Server, &str), expected: &'static str) {
    let script = worker_script(site_dir());
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    break_it(&server, &script);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        let (article, word, _) = word_only_in_an_answer();
        page.open(&format!("/articles/{}/", article.slug)).await;
        page.type_search(&format!("{word} ")).await;
        let (found, status) = results(&page).await;
        assert!(found.is_empty());
        assert!(status.contains(expected), "{status}");
        // The app works on: Escape clears the field.
        clear(&page).await;
    })
    .await;
}

#[tokio::test]
async fn a_search_worker_whose_files_do_not_arrive_is_a_clear_error() {
    search_with_a_broken_worker(
        |server, script| server.fail(script, 404),
        "Search needs a connection",
    )
    .await;
}

#[tokio::test]
async fn a_search_worker_whose_wasm_is_broken_is_a_clear_error() {
    search_with_a_broken_worker(
        |server, script| server.replace(&script.replace(".js", "_bg.wasm"), "not wasm"),
        "Search is not available",
    )
    .await;
}
