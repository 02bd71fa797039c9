//! Articles in other languages: each page says its language and direction on `<html>` and in
//! its structured data, as the build writes it, as the app adopts it, and as the app builds
//! it from the content files alone (the shell says English until then). The site is the fixture site with the translations of
//! `tests/fixtures/languages/` added: every expectation follows from their files.

use clinic_content::ids::{SEARCH_RESULTS_ID, SEARCH_STATUS_ID};
use clinic_content::language::{direction, same_language};
use clinic_content::search;
use clinic_content::words::{locale_file, Word, Words};
use clinic_content::{Article, SiteSettings};
use serde_json::{json, Value};
use std::collections::BTreeMap;

use crate::support::{
    edited_build_of, run_in_browser, site_dir, site_with_languages, Page, Server, Unknown,
};

/// The site's settings and every article it lists.
pub(crate) fn site_and_articles() -> (SiteSettings, Vec<Article>) {
    let content = site_with_languages().join("content");
    let read = |file: &str| std::fs::read_to_string(content.join(file)).expect("a content file");
    let site: SiteSettings = serde_json::from_str(&read("site.json")).expect("settings");
    let index: Value = serde_json::from_str(&read("articles.json")).expect("the index");
    let articles = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|summary| {
            let slug = summary["slug"].as_str().expect("a slug");
            serde_json::from_str(&read(&format!("articles/{slug}.json"))).expect("an article")
        })
        .collect();
    (site, articles)
}

/// What the page says of its language: `<html lang>` and `dir`, and its JSON-LD page's
/// `inLanguage`.
async fn said(page: &Page) -> Value {
    page.eval(
        "const root = document.documentElement;
         const data = [...document.querySelectorAll('script[type=\"application/ld+json\"]')]
           .flatMap(s => JSON.parse(s.textContent)['@graph'] ?? [])
           .find(item => item['@type'] === 'MedicalWebPage');
         return { lang: root.lang, dir: root.dir, inLanguage: data?.inLanguage ?? null }",
    )
    .await
}

/// Opens `path` and waits for its head's tags, which the app writes after the first paint.
async fn open_with_its_head(page: &Page, path: &str) {
    page.open(path).await;
    page.wait_until(
        "the page's head is written",
        "return !!document.querySelector('script[type=\"application/ld+json\"]')",
    )
    .await;
}

fn expected(site: &SiteSettings, article: &Article) -> Value {
    let lang = site.language_of(article);
    json!({ "lang": lang, "dir": direction(lang).as_html(), "inLanguage": lang })
}

pub(crate) fn server() -> Server {
    Server::start_with(site_with_languages(), "/", Unknown::NotFoundPage)
}

#[tokio::test]
async fn each_page_says_its_language_and_direction_built_adopted_or_built_by_the_app() {
    let (site, articles) = site_and_articles();
    let directions: Vec<&str> = articles
        .iter()
        .map(|article| direction(site.language_of(article)).as_html())
        .collect();
    assert!(
        directions.contains(&"ltr") && directions.contains(&"rtl"),
        "the fixtures have pages of both directions"
    );
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for article in &articles {
                let path = format!("/articles/{}/", article.slug);
                if !shell {
                    // As the build wrote it, before the app has run.
                    page.open_before_the_app(&path).await;
                    let root = page
                        .eval(
                            "return [document.documentElement.lang, document.documentElement.dir]",
                        )
                        .await;
                    let lang = site.language_of(article);
                    assert_eq!(
                        root,
                        json!([lang, direction(lang).as_html()]),
                        "{path} as built"
                    );
                }
                open_with_its_head(&page, &path).await;
                assert_eq!(
                    said(&page).await,
                    expected(&site, article),
                    "{path}, built by the app: {shell}"
                );
            }
        }
    })
    .await;
}

/// The table of the interface's words for the language `tag`, as the site ships it.
pub(crate) fn words_in(tag: &str) -> Words {
    let file = site_with_languages().join(locale_file(tag));
    serde_json::from_str(&std::fs::read_to_string(file).expect("a table")).expect("a table")
}

/// The words of `words` a page shows on their own, each by its key (a `{value}` in one
/// matches any text): every word, in each of a count's forms, but the language's name and the
/// date's pattern.
fn fixed_words(words: &Words) -> BTreeMap<String, String> {
    words
        .entries()
        .filter(|(key, _)| {
            !["$schema", Word::LanguageName.key(), Word::Date.key()].contains(&key.as_str())
        })
        .map(|(key, text)| (key.clone(), text.clone()))
        .collect()
}

/// Whether `template` has words of its own, beside its `{value}`s: "{percent}%" has none,
/// and says nothing of its language.
fn has_words(template: &str) -> bool {
    template
        .split('{')
        .map(|part| part.split_once('}').map_or(part, |(_, literal)| literal))
        .any(|literal| literal.chars().any(char::is_alphabetic))
}

/// Every text of the page, visible or not, and every accessible name and description given
/// in an attribute: each element's whole text, and its attributes' values.
async fn texts_and_names(page: &Page) -> Vec<String> {
    let found = page
        .eval(
            "const texts = new Set();
             for (const element of document.body.querySelectorAll('*')) {
               if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(element.tagName)) continue;
               texts.add(element.textContent.trim());
               for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
                 const value = element.getAttribute(name);
                 if (value) texts.add(value.trim());
               }
             }
             return [...texts]",
        )
        .await;
    serde_json::from_value(found).expect("texts")
}

/// Whether `text` is what `template` says, whatever its `{value}`s are.
fn says(template: &str, text: &str) -> bool {
    let mut rest = text;
    let mut parts = template.split('{').enumerate().peekable();
    while let Some((index, part)) = parts.next() {
        let literal = if index == 0 {
            part
        } else {
            match part.split_once('}') {
                Some((_, literal)) => literal,
                None => return false,
            }
        };
        let last = parts.peek().is_none();
        if index == 0 {
            match rest.strip_prefix(literal) {
                Some(after) => rest = after,
                None => return false,
            }
        } else if last {
            return rest.len() > literal.len() && rest.ends_with(literal);
        } else if literal.is_empty() {
            continue;
        } else {
            match rest.get(1..).and_then(|after| after.find(literal)) {
                Some(at) => rest = &rest[1 + at + literal.len()..],
                None => return false,
            }
        }
    }
    rest.is_empty()
}

#[test]
fn a_template_matches_its_text_whatever_its_values() {
    assert!(says("Published {date}", "Published Dec 6, 2026"));
    assert!(says(
        "Updated {date}: {note}",
        "Updated Dec 6, 2026: Added a question."
    ));
    assert!(says("Key points", "Key points"));
    assert!(!says("Key points", "Key points and more"));
    assert!(!says(
        "Published {date}",
        "Publicado el 6 de diciembre de 2026"
    ));
    assert!(!says("Published {date}", "Published "));
}

#[tokio::test]
async fn a_page_in_another_language_has_no_word_of_the_english_table() {
    let (site, articles) = site_and_articles();
    let english = words_in("en");
    let others: Vec<&Article> = articles
        .iter()
        .filter(|article| locale_file(site.language_of(article)) != locale_file("en"))
        .collect();
    assert!(
        !others.is_empty(),
        "the fixtures have pages in other languages"
    );
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for article in &others {
                let own = words_in(site.language_of(article));
                let path = format!("/articles/{}/", article.slug);
                page.open(&path).await;
                // The reading settings' controls are built when the panel first opens.
                page.click(".reading-settings-button").await;
                page.find(".reading-settings-title").await;
                let texts = texts_and_names(&page).await;
                let theirs = fixed_words(&own);
                let english_words: Vec<String> = fixed_words(&english)
                    .into_iter()
                    // A word the two languages write alike is no sign of English.
                    .filter(|(key, ours)| theirs.get(key) != Some(ours) && has_words(ours))
                    .filter(|(_, template)| texts.iter().any(|text| says(template, text)))
                    .map(|(key, template)| format!("{key}: {template:?}"))
                    .collect();
                assert_eq!(
                    english_words,
                    Vec::<String>::new(),
                    "{path}, built by the app: {shell}"
                );
                // And the page's own words are there: the skip link and the contents.
                for word in [Word::SkipToMainContent, Word::Contents, Word::BookNow] {
                    let shown = own.text(word);
                    assert!(
                        texts.contains(&shown),
                        "{path} shows {shown:?}, shell: {shell}"
                    );
                }
            }
        }
    })
    .await;
}

/// Opens the reading settings of the page at `path` with a speech synthesis whose voices
/// speak `voice_langs` (in place of any an earlier call set), recording what it is asked to
/// say; whether it offers to read aloud.
async fn offers_read_aloud(page: &Page, path: &str, voice_langs: &[&str]) -> bool {
    page.before_each_load(&format!(
        "window.__spoken = [];
         window.__voices = {voice_langs:?}.map((lang) => ({{ lang, name: 'A voice for ' + lang }}));
         Object.defineProperty(window, 'speechSynthesis', {{ value: {{
           getVoices() {{ return __voices; }},
           addEventListener() {{}},
           speak(u) {{ __spoken.push({{ text: u.text, lang: u.lang }}); }},
           cancel() {{}}, pause() {{}}, resume() {{}},
         }}, configurable: true }});"
    ))
    .await;
    page.open(path).await;
    page.click(".reading-settings-button").await;
    page.find(".reading-settings-title").await;
    page.eval("return !!document.querySelector('.read-aloud:not([hidden])')")
        .await
        .as_bool()
        .expect("a boolean")
}

#[tokio::test]
async fn read_aloud_speaks_the_page_s_language_and_hides_without_a_voice_for_it() {
    let (site, articles) = site_and_articles();
    let article = articles
        .iter()
        .find(|article| locale_file(site.language_of(article)) != locale_file("en"))
        .expect("a page in another language")
        .clone();
    let lang = site.language_of(&article).to_string();
    let path = format!("/articles/{}/", article.slug);
    let other_language = if lang.starts_with("en") {
        "fr-FR"
    } else {
        "en-US"
    };
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        assert!(
            !offers_read_aloud(&page, &path, &[other_language]).await,
            "no voice speaks {lang}: read aloud is not offered"
        );
        let voice = format!("{lang}-XX");
        assert!(offers_read_aloud(&page, &path, &[other_language, &voice]).await);
        page.click(".read-aloud button").await;
        let spoken = page.eval("return __spoken").await;
        let spoken = spoken.as_array().expect("what was spoken");
        assert!(!spoken.is_empty(), "the article is read");
        assert!(
            spoken
                .iter()
                .all(|utterance| utterance["lang"] == lang.as_str()),
            "every passage in {lang}: {spoken:?}"
        );
        assert_eq!(spoken[0]["text"], article.title.as_str());
    })
    .await;
}

/// What the page says of its versions in other languages: its language list (name,
/// `hreflang`, `lang`, address, whether current), its head's alternates and its JSON-LD's
/// links between translations.
async fn versions_said(page: &Page) -> Value {
    page.eval(
        "const data = [...document.querySelectorAll('script[type=\"application/ld+json\"]')]
           .flatMap(s => JSON.parse(s.textContent)['@graph'] ?? [])
           .find(item => item['@type'] === 'MedicalWebPage');
         return {
           list: [...document.querySelectorAll('.language-list a')].map(a => [
             a.textContent, a.getAttribute('hreflang'), a.getAttribute('lang'),
             a.getAttribute('href'), a.getAttribute('aria-current'),
           ]),
           alternates: [...document.querySelectorAll('head link[rel=alternate][hreflang]')]
             .map(l => [l.getAttribute('hreflang'), l.getAttribute('href')]),
           translationOf: data?.translationOfWork?.['@id'] ?? null,
           translations: (data?.workTranslation ?? []).map(w => w['@id']),
         }",
    )
    .await
}

#[tokio::test]
async fn each_version_lists_the_others_in_their_own_language_and_its_head_and_the_sitemap_name_them(
) {
    let (site, articles) = site_and_articles();
    let original = articles
        .iter()
        .find_map(|article| article.translation_of.clone())
        .and_then(|slug| articles.iter().find(|article| article.slug == slug))
        .expect("the original of the fixtures' translations")
        .clone();
    // The original first, then its translations in the index's order.
    let versions: Vec<Article> = std::iter::once(original.clone())
        .chain(
            articles
                .iter()
                .filter(|article| article.translation_of.as_ref() == Some(&original.slug))
                .cloned(),
        )
        .collect();
    assert!(versions.len() >= 3, "an original and two translations");
    let alone = articles
        .iter()
        .find(|article| {
            article.translation_of.is_none()
                && !versions.iter().any(|version| version.slug == article.slug)
        })
        .expect("an article without translations")
        .clone();
    // The sitemap names every version at each version's address, the original as default.
    let sitemap =
        std::fs::read_to_string(site_with_languages().join("sitemap.xml")).expect("the sitemap");
    for version in &versions {
        let lang = site.language_of(version);
        let link = format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
            site.article_url(&version.slug)
        );
        assert_eq!(sitemap.matches(&link).count(), versions.len(), "{link}");
    }
    let default = format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
        site.article_url(&original.slug)
    );
    assert_eq!(sitemap.matches(&default).count(), versions.len());
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        let url = |article: &Article| site.article_url(&article.slug);
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for shown in &versions {
                let path = format!("/articles/{}/", shown.slug);
                open_with_its_head(&page, &path).await;
                let list: Vec<Value> = versions
                    .iter()
                    .map(|version| {
                        let lang = site.language_of(version);
                        json!([
                            words_in(lang).text(Word::LanguageName),
                            lang,
                            lang,
                            format!("/articles/{}/", version.slug),
                            (version.slug == shown.slug).then_some("page"),
                        ])
                    })
                    .collect();
                let mut alternates: Vec<Value> = versions
                    .iter()
                    .map(|version| json!([site.language_of(version), url(version)]))
                    .collect();
                alternates.push(json!(["x-default", url(&original)]));
                let is_original = shown.slug == original.slug;
                let translations: Vec<String> = if is_original {
                    versions[1..].iter().map(url).collect()
                } else {
                    Vec::new()
                };
                let expected = json!({
                    "list": list,
                    "alternates": alternates,
                    "translationOf": (!is_original).then(|| url(&original)),
                    "translations": translations,
                });
                assert_eq!(
                    versions_said(&page).await,
                    expected,
                    "{path}, shell: {shell}"
                );
            }
        }
        // An article without translations lists none.
        page.open(&format!("/articles/{}/", alone.slug)).await;
        assert_eq!(
            versions_said(&page).await["list"],
            json!([]),
            "{} has no translations",
            alone.slug
        );
    })
    .await;
}

/// The fixture site, in Spanish: its `site.json` says `"language": "es"`.
fn site_in_spanish() -> &'static std::path::Path {
    static SITE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        edited_build_of(site_dir(), "site-fixture-in-spanish", |site| {
            let file = site.join("content/site.json");
            let mut settings: Value =
                serde_json::from_str(&std::fs::read_to_string(&file).expect("the settings"))
                    .expect("settings");
            settings["language"] = json!("es");
            std::fs::write(&file, settings.to_string()).expect("write the settings");
        })
    })
}

#[tokio::test]
async fn the_page_that_loads_any_page_and_its_loader_and_errors_speak_the_site_s_language() {
    let spanish = words_in("es");
    let server = Server::start_with(site_in_spanish(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        // Before the app runs: the shell's own texts, and what it says without scripts.
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/app.html").await;
        let shell = page
            .eval(
                "const text = (css) => document.querySelector(css).textContent.trim();
                 return [document.title, text('.page-loader-text'), text('.app-failed-message'),
                         document.querySelector('noscript').textContent]",
            )
            .await;
        let shell: Vec<String> = serde_json::from_value(shell).expect("texts");
        assert_eq!(
            shell[..3],
            [Word::Loading, Word::Loading, Word::AppFailed].map(|w| spanish.text(w))
        );
        assert!(
            shell[3].contains(&spanish.text(Word::NeedsJavascript)),
            "{:?}",
            shell[3]
        );
        app.release();

        // The app builds a page whose content fails: its error, in the shell's words.
        page.server.serve_the_shell();
        let index = std::fs::read_to_string(site_in_spanish().join("content/articles.json"))
            .expect("the index");
        let slug = serde_json::from_str::<Value>(&index).expect("an index")["articles"][0]["slug"]
            .as_str()
            .expect("a slug")
            .to_string();
        page.server
            .fail(&format!("/content/articles/{slug}.json"), 503);
        page.open(&format!("/articles/{slug}/")).await;
        let error = page
            .eval(
                "const text = (css) => document.querySelector(css).textContent.trim();
                 return [text('.load-error h1'), text('.load-error h1 + p'),
                         text('.load-error button'), text('.load-error summary')]",
            )
            .await;
        assert_eq!(
            error,
            json!([
                Word::NotLoaded,
                Word::NotLoadedOnline,
                Word::Retry,
                Word::DetailsForEditors
            ]
            .map(|w| spanish.text(w)))
        );
    })
    .await;
}

/// Whether `ch` is a mark written over or under a letter (an accent, an Arabic vowel sign):
/// the combining marks of Latin, Greek and Cyrillic and of Arabic.
fn is_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}')
}

#[tokio::test]
async fn search_finds_a_word_across_accents_and_case_and_names_a_result_s_language() {
    let (site, articles) = site_and_articles();
    // A word of a translation that its accents or marks set apart ("sí", "امشِ"), too short to
    // be found one typo away instead.
    let (article, word) = articles
        .iter()
        .filter(|article| !same_language(site.language_of(article), site.language()))
        .find_map(|article| {
            // What the index holds of it: its title and text.
            let text =
                json!([article.title, article.intro, article.sections, article.faq]).to_string();
            let word = text
                .split(|ch: char| !ch.is_alphanumeric() && !is_mark(ch))
                .find(|word| {
                    let folded = search::words(word).concat();
                    folded != word.to_lowercase()
                        && !folded.is_empty()
                        && folded.chars().count() < search::MIN_FUZZY
                })?;
            Some((article, word.to_string()))
        })
        .expect("a translation with a short word that has an accent");
    let lang = site.language_of(article);
    let without_accents = search::words(&word).concat();
    let language_name = words_in(lang).text(Word::LanguageName);
    let site_language = site.language();
    let path = format!("/articles/{}/", article.slug);
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        // On its own page, typed without accents; on a page in the site's language, in
        // capitals with them.
        for (on, typed) in [(path.as_str(), without_accents), ("/", word.to_uppercase())] {
            page.open(on).await;
            page.search_finds(&typed, &path).await;
            let found = page
                .eval(&format!(
                    "const link = [...document.querySelectorAll('.site-search-results a')]
                       .find(a => a.getAttribute('href').startsWith({path:?}));
                     return [link.getAttribute('lang'), link.getAttribute('hreflang'),
                             link.textContent.includes({language_name:?})]"
                ))
                .await;
            let expected = if on == path {
                json!([null, null, false])
            } else {
                json!([lang, lang, true])
            };
            assert_eq!(found, expected, "{typed:?} on {on}");
            // The count of results in the form the page's language gives that number, as
            // the build's plural rules give it ("نتيجتان", two results, in Arabic).
            let [status, count]: [Value; 2] = serde_json::from_value(
                page.eval(&format!(
                    "return [document.getElementById({SEARCH_STATUS_ID:?}).textContent,
                             document.querySelectorAll('#{SEARCH_RESULTS_ID} li').length]"
                ))
                .await,
            )
            .expect("status and count");
            let on_lang = if on == path { lang } else { site_language };
            let count = count.as_u64().expect("a count") as usize;
            assert_eq!(
                status,
                words_in(on_lang).count(Word::Results, on_lang, count),
                "{typed:?} on {on}"
            );
        }
    })
    .await;
}

/// What a list page shows: its language, its cards' addresses, its language list (each
/// link's `hreflang`, name and whether it is the current one), its categories' addresses,
/// and the other languages' lists its head names.
async fn list_said(page: &Page) -> Value {
    page.eval(
        "const hrefs = (css) => [...document.querySelectorAll(css)].map(a => a.getAttribute('href')).sort();
         return {
           lang: document.documentElement.lang,
           cards: hrefs('.article-card-link'),
           languages: [...document.querySelectorAll('.language-list a')]
             .map(a => [a.hreflang, a.textContent, a.getAttribute('aria-current') === 'page']),
           categories: hrefs('.category-links a'),
           alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')]
             .map(link => [link.hreflang, link.href]),
         }",
    )
    .await
}

#[tokio::test]
async fn each_language_has_its_own_lists_linked_from_its_articles_and_from_the_language_list() {
    let (site, articles) = site_and_articles();
    let library = clinic_content::Library::of(&articles, &site);
    let by_language = library.by_language(&site);
    assert!(
        by_language.len() > 1,
        "the fixtures are in several languages"
    );
    let languages: Vec<(String, String)> = by_language
        .iter()
        .map(|(language, _)| {
            let lang = language.tag(&site).to_string();
            let name = words_in(&lang).text(Word::LanguageName);
            (lang, name)
        })
        .collect();
    // Every language's list, and the site language's for any other reader.
    let alternates: Vec<Value> = by_language
        .iter()
        .map(|(language, _)| (language.tag(&site), language.library_path()))
        .chain([("x-default", by_language[0].0.library_path())])
        .map(|(lang, path)| json!([lang, site.file_url(&path)]))
        .collect();
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for (language, shelf) in &by_language {
                let list = format!("/{}", language.library_path());
                page.open(&list).await;
                let mut cards: Vec<String> = shelf
                    .articles
                    .iter()
                    .map(|entry| format!("/articles/{}/", entry.slug))
                    .collect();
                cards.sort();
                let mut categories: Vec<String> = std::iter::once(language.library_path())
                    .chain(
                        (shelf.categories().iter())
                            .map(|category| language.category_path(&category.slug)),
                    )
                    .map(|path| format!("/{path}"))
                    .collect();
                categories.sort();
                let tag = language.tag(&site);
                let expected_languages: Vec<Value> = languages
                    .iter()
                    .map(|(lang, name)| json!([lang, name, lang == tag]))
                    .collect();
                assert_eq!(
                    list_said(&page).await,
                    json!({
                        "lang": tag,
                        "cards": cards,
                        "languages": expected_languages,
                        "categories": categories,
                        "alternates": alternates,
                    }),
                    "{list}, shell: {shell}"
                );
                // Each of its articles leads back to its language's lists.
                let Some(entry) = shelf.articles.first() else {
                    continue;
                };
                page.open(&format!("/articles/{}/", entry.slug)).await;
                let links = page
                    .eval(
                        "return [document.querySelector('.site-library').getAttribute('href'),
                                 document.querySelector('.breadcrumbs li:nth-child(2) a').getAttribute('href')]",
                    )
                    .await;
                let category = clinic_content::library::category_slug(&entry.category);
                assert_eq!(
                    links,
                    json!([
                        format!("/{}", language.library_path()),
                        format!("/{}", language.category_path(&category))
                    ]),
                    "{}, shell: {shell}",
                    entry.slug
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_clinic_s_own_texts_show_in_the_page_s_language_where_site_json_gives_them() {
    let (site, articles) = site_and_articles();
    assert!(
        !site.in_languages.is_empty(),
        "the fixture site has texts in other languages"
    );
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for article in &articles {
                let path = format!("/articles/{}/", article.slug);
                let lang = site.language_of(article);
                let shown = site.in_language(lang);
                let policy = words_in(lang).text(Word::EditorialPolicy);
                page.open(&path).await;
                let said = page
                    .eval(&format!(
                        "const text = (css) => document.querySelector(css)?.textContent.trim() ?? null;
                         const policy = [...document.querySelectorAll('.site-footer a')]
                           .find(a => a.textContent.trim() === {policy:?});
                         return [text('.announcement p'), text('.care-note'),
                                 policy?.getAttribute('href') ?? null,
                                 document.documentElement.getAttribute('data-announcement')]"
                    ))
                    .await;
                let announcement = clinic_content::plain_text(&shown.announcement);
                // A pre-rendered page's `<html>` names the announcement it shows, which the
                // settings script keeps closed for a reader who closed it.
                let mut said = said;
                if shell {
                    said[3] = json!(announcement);
                }
                assert_eq!(
                    said,
                    json!([announcement, shown.disclaimer, shown.editorial_policy_url, announcement]),
                    "{path}, shell: {shell}"
                );
                // The site's own text on a page in another language says its language.
                let apart = |given: fn(&clinic_content::SiteTexts) -> bool| {
                    let text = site.language_of_text(lang, given);
                    (!same_language(text, lang)).then(|| json!([text, direction(text).as_html()]))
                };
                let marked = page
                    .eval(
                        "return ['.announcement p', '.care-note'].map((css) => {
                           const element = document.querySelector(css);
                           return element.hasAttribute('lang') ? [element.lang, element.dir] : null;
                         })",
                    )
                    .await;
                assert_eq!(
                    marked,
                    json!([
                        apart(|texts| texts.announcement.is_some()),
                        apart(|texts| texts.disclaimer.is_some())
                    ]),
                    "{path}, shell: {shell}"
                );
            }
        }
    })
    .await;
}
