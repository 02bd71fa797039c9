//! The article page as a patient sees it, and what happens when content or the address is bad.

use serde_json::{json, Value};

use clinic_content::text::display_date;

use crate::support::{
    article_file, block_texts, body_blocks, content_json, home_slug, other_slug, plain,
    shows_title, span_text, spans, title_of, with_desktop_page, Fault, Page,
};

/// The home page's article, as JSON.
fn article_json() -> Value {
    content_json(&format!("articles/{}.json", home_slug()))
}

fn home_title() -> String {
    title_of(&home_slug())
}

/// Whether `slug` names an article of the fixture site.
fn is_local_article(slug: &Value) -> bool {
    content_json("articles.json")["articles"]
        .as_array()
        .is_some_and(|articles| articles.iter().any(|a| a["slug"] == *slug))
}

/// Asserts the page shows the load error, and returns its details for editors.
async fn load_error_details(page: &Page) -> String {
    assert_eq!(
        page.text("h1").await,
        "Sorry, this page could not be loaded"
    );
    let details = page
        .eval("return document.querySelector('.load-error-details').textContent")
        .await;
    details.as_str().expect("text").to_string()
}

/// Serves `article` in place of the bundled article, has the app build the home page from
/// the content files (as it does offline, or in development), and returns the error details
/// shown.
async fn load_error_for(page: &Page, article: &Value) -> String {
    page.server.serve_the_shell();
    page.server
        .replace(&article_file(&home_slug()), article.to_string());
    page.open("/").await;
    load_error_details(page).await
}

async fn open_article(page: &Page, path: &str) {
    page.open(path).await;
}

#[tokio::test]
async fn the_home_page_shows_the_article_title_date_and_headings_in_order() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let json = article_json();
        assert_eq!(
            page.texts("h1").await,
            vec![home_title()],
            "exactly one h1, the title"
        );
        assert_eq!(
            page.text(".article-category").await,
            json["category"].as_str().expect("category").to_uppercase()
        );
        let published = json["published"].as_str().expect("a date");
        assert_eq!(
            page.attr("time", "datetime").await.as_deref(),
            Some(published)
        );
        assert_eq!(Some(page.text("time").await), display_date(published));
        let reading = page.text(".reading-time").await;
        assert!(
            reading.ends_with(" min read") && reading.len() > 9,
            "{reading:?}"
        );

        let mut expected = Vec::new();
        for section in json["sections"].as_array().expect("sections") {
            expected.push(format!(
                "h2 {}",
                section["heading"].as_str().expect("heading")
            ));
            for sub in section["subsections"].as_array().into_iter().flatten() {
                expected.push(format!("h3 {}", sub["heading"].as_str().expect("heading")));
            }
        }
        let section_headings = expected.len();
        expected.push(format!(
            "h2 {}",
            json["faq"]["heading"].as_str().expect("faq")
        ));
        let headings = page
            .eval(
                "return [...document.querySelectorAll('article h2, article h3')]
                    .filter(h => !h.closest('.faq-item, .key-points'))
                    .map(h => h.tagName.toLowerCase() + ' ' + h.textContent)",
            )
            .await;
        let headings: Vec<String> = serde_json::from_value(headings).expect("strings");
        assert_eq!(headings, expected);

        // Section ids are readable slugs of their headings, or the id the content gives;
        // every id on the page is unique.
        let ids = page
            .eval(
                "return [...document.querySelectorAll('.article-body :is(h2, h3)')].map(h => h.id)",
            )
            .await;
        let ids: Vec<String> = serde_json::from_value(ids).expect("strings");
        assert_eq!(ids.len(), section_headings);
        let outline = crate::support::fixture_outline(&home_slug());
        let expected_ids: Vec<String> = outline
            .sections
            .iter()
            .flat_map(|section| std::iter::once(section).chain(&section.children))
            .map(|entry| entry.id.clone())
            .collect();
        assert_eq!(ids, expected_ids);
        // The ids the content sets are kept; the others are slugs of their headings.
        let headings = json["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .flat_map(|section| {
                std::iter::once(section)
                    .chain(section["subsections"].as_array().into_iter().flatten())
            });
        let mut set_by_the_content = 0;
        for (heading, id) in headings.zip(&ids) {
            match heading["id"].as_str() {
                Some(own) => {
                    assert_eq!(id, own, "the id the content sets");
                    set_by_the_content += 1;
                }
                None => assert_eq!(
                    *id,
                    clinic_content::ids::slugify(heading["heading"].as_str().expect("heading"))
                ),
            }
        }
        assert!(set_by_the_content > 0, "the fixture sets an id of its own");
        let all_ids = page
            .eval("return [...document.querySelectorAll('[id]')].map(e => e.id)")
            .await;
        let all_ids: Vec<String> = serde_json::from_value(all_ids).expect("strings");
        let unique: std::collections::HashSet<_> = all_ids.iter().collect();
        assert_eq!(unique.len(), all_ids.len(), "duplicate ids in {all_ids:?}");

        // The callout section stands out.
        let callouts: Vec<String> = json["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .filter(|section| section["callout"] == true)
            .map(|section| section["heading"].as_str().expect("heading").to_string())
            .collect();
        assert!(!callouts.is_empty(), "the fixture has a callout");
        assert_eq!(page.texts(".callout h2").await, callouts);
    })
    .await;
}

#[tokio::test]
async fn every_paragraph_and_list_item_is_shown_verbatim_in_order() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let json = article_json();
        let mut expected = block_texts(&json["intro"]);
        for section in json["sections"].as_array().expect("sections") {
            expected.extend(block_texts(&section["body"]));
            for sub in section["subsections"].as_array().into_iter().flatten() {
                expected.extend(block_texts(&sub["body"]));
            }
        }
        let shown = page
            .eval(
                "return [...document.querySelectorAll('.article-body p, .article-body li')]
                    .map(e => e.textContent)",
            )
            .await;
        let shown: Vec<String> = serde_json::from_value(shown).expect("strings");
        assert_eq!(shown, expected);

        // Bulleted lists are `ul`, numbered ones (steps in order) `ol`.
        let lists = page
            .eval(
                "return [...document.querySelectorAll('.article-body :is(ul, ol)')]
                    .map(l => [l.tagName, l.children.length])",
            )
            .await;
        let blocks = json["intro"].as_array().into_iter().flatten().chain(
            json["sections"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|section| {
                    let subsections = section["subsections"].as_array().into_iter().flatten();
                    section["body"].as_array().into_iter().flatten().chain(
                        subsections.flat_map(|sub| sub["body"].as_array().into_iter().flatten()),
                    )
                }),
        );
        let expected_lists: Vec<Value> = blocks
            .filter_map(
                |block| match (block.get("list"), block.get("numbered_list")) {
                    (Some(items), _) => Some(json!(["UL", items.as_array()?.len()])),
                    (_, Some(items)) => Some(json!(["OL", items.as_array()?.len()])),
                    _ => None,
                },
            )
            .collect();
        assert!(
            expected_lists.iter().any(|list| list[0] == "OL"),
            "the fixture has a numbered list"
        );
        assert_eq!(lists, json!(expected_lists));

        // Each span kind is its own element, its text set as text.
        let shown = page
            .eval(
                "const body = document.querySelector('.article-body');
                 return ['strong', 'em', 'a'].map(tag =>
                   [...body.querySelectorAll(':is(p, li) ' + tag)].map(e => e.textContent))",
            )
            .await;
        let blocks = body_blocks(&json);
        let texts = |kinds: &[&str]| -> Vec<String> {
            spans(&blocks, kinds).iter().map(span_text).collect()
        };
        let expected = [
            texts(&["strong"]),
            texts(&["emphasis"]),
            texts(&["link", "booking_link"]),
        ];
        assert!(
            expected.iter().all(|kind| !kind.is_empty()),
            "the fixture has every kind of span"
        );
        assert_eq!(shown, serde_json::json!(expected));

        // FAQ: every answer, under its question.
        let items = json["faq"]["items"].as_array().expect("faq items");
        let questions: Vec<String> = items
            .iter()
            .map(|item| item["question"].as_str().expect("question").to_string())
            .collect();
        assert_eq!(page.texts(".faq-item h3").await, questions);
        let answers: Vec<String> = items
            .iter()
            .flat_map(|item| block_texts(&item["answer"]))
            .collect();
        let shown = page
            .eval(
                "return [...document.querySelectorAll('.faq-answer :is(p, li)')]
                    .map(p => p.textContent)",
            )
            .await;
        assert_eq!(shown, serde_json::json!(answers));
    })
    .await;
}

#[tokio::test]
async fn the_banner_header_hero_related_posts_and_footer_come_from_the_settings() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let site = content_json("site.json");
        let article = article_json();
        let booking = site["booking_url"].as_str().expect("booking url");

        assert_eq!(
            page.text(".announcement p").await,
            plain(&site["announcement"])
        );
        let announcement_links: Vec<String> = spans(
            &[json!({ "paragraph": site["announcement"] })],
            &["link", "booking_link"],
        )
        .iter()
        .map(span_text)
        .collect();
        assert_eq!(page.texts(".announcement a").await, announcement_links);
        assert_eq!(page.attr(".announcement a", "href").await.as_deref(), Some(booking));

        let book = page.find(".site-header a.action-primary").await;
        assert_eq!(book.text().await.expect("text"), "Book Now");
        assert_eq!(book.attr("href").await.expect("href").as_deref(), Some(booking));
        let call = page.text(".site-header a[href^='tel:']").await;
        assert!(call.starts_with("Call Us"), "{call:?}");
        assert_eq!(
            page.attr(".site-header a[href^='tel:']", "href").await,
            Some(format!("tel:{}", site["phone"]["dial"].as_str().expect("dial")))
        );

        // A link goes where it says; a booking link books.
        let links = page
            .eval(
                "return [...document.querySelectorAll('.article-body :is(p, li) a')]
                    .map(a => [a.textContent, a.getAttribute('href')])",
            )
            .await;
        let expected: Vec<Value> = spans(&body_blocks(&article), &["link", "booking_link"])
            .iter()
            .map(|span| match span.get("link") {
                Some(link) => json!([link["text"], link["href"]]),
                None => json!([span["booking_link"], booking]),
            })
            .collect();
        assert!(
            expected.iter().any(|link| link[1] == booking) && expected.len() > 1,
            "the fixture has a link and a booking link"
        );
        assert_eq!(links, json!(expected));

        assert_eq!(
            page.attr(".article-hero img", "alt").await.as_deref(),
            article["hero"]["alt"].as_str()
        );
        let hero_loaded = page
            .eval("const i = document.querySelector('.article-hero img'); return i.complete && i.naturalWidth > 0")
            .await;
        assert_eq!(hero_loaded, Value::Bool(true), "the hero image loads");

        // Posts that are articles here are cards (tests/browser/library.rs); the others are
        // their titles.
        let related: Vec<&str> = article["related"]
            .as_array()
            .expect("related")
            .iter()
            .filter(|post| !is_local_article(&post["slug"]))
            .map(|post| post["title"].as_str().expect("title"))
            .collect();
        assert!(!related.is_empty());
        const NOT_CARDS: &str = ".related-posts li:not(:has(.article-card))";
        assert_eq!(page.texts(NOT_CARDS).await, related);
        assert!(
            page.find_all(&format!("{NOT_CARDS} a")).await.is_empty(),
            "no related-posts address is set, so the titles are not links"
        );

        assert_eq!(
            page.text(".footer-clinic").await,
            site["clinic_name"].as_str().expect("name")
        );
        assert_eq!(
            page.text(".care-note").await,
            site["disclaimer"].as_str().expect("disclaimer")
        );
    })
    .await;
}

#[tokio::test]
async fn related_posts_link_to_their_articles_once_the_site_says_where_they_live() {
    with_desktop_page(|page| async move {
        let mut site = content_json("site.json");
        site["related_posts_base_url"] = "https://clinic.test/blog/".into();
        // Built by the app from the changed settings.
        page.server.serve_the_shell();
        page.server.replace("/content/site.json", site.to_string());
        open_article(&page, "/").await;
        let links = page
            .eval(
                "return [...document.querySelectorAll('.related-posts a')]
                    .map(a => [a.textContent, a.getAttribute('href')])",
            )
            .await;
        let expected: Vec<Value> = article_json()["related"]
            .as_array()
            .expect("related")
            .iter()
            .map(|post| {
                let slug = post["slug"].as_str().expect("slug");
                match is_local_article(&post["slug"]) {
                    // An article here leads to it, as its card.
                    true => serde_json::json!([
                        content_json(&format!("articles/{slug}.json"))["title"],
                        format!("/articles/{slug}/")
                    ]),
                    false => serde_json::json!([
                        post["title"],
                        format!("https://clinic.test/blog/{slug}")
                    ]),
                }
            })
            .collect();
        assert_eq!(links, Value::Array(expected));
    })
    .await;
}

#[tokio::test]
async fn the_document_title_and_description_belong_to_the_article() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let clinic = content_json("site.json")["clinic_name"].clone();
        let title = page.eval("return document.title").await;
        assert_eq!(
            title,
            Value::String(format!(
                "{} | {}",
                home_title(),
                clinic.as_str().expect("name")
            ))
        );
        let descriptions = page
            .eval(
                "return [...document.querySelectorAll('meta[name=description]')]
                    .map(m => m.content)",
            )
            .await;
        assert_eq!(
            descriptions,
            serde_json::json!([article_json()["description"]])
        );
        assert_eq!(
            page.eval("return document.querySelectorAll('title').length")
                .await,
            serde_json::json!(1)
        );
    })
    .await;
}

#[tokio::test]
async fn each_article_has_its_own_address() {
    with_desktop_page(|page| async move {
        open_article(&page, &format!("/articles/{}", home_slug())).await;
        assert_eq!(page.texts("h1").await, vec![home_title()]);
        assert!(!page.texts(".article-body p").await.is_empty());

        let second = content_json(&format!("articles/{}.json", other_slug()));
        open_article(&page, &format!("/articles/{}", other_slug())).await;
        assert_eq!(
            page.texts("h1").await,
            vec![second["title"].as_str().expect("title")]
        );
        assert_eq!(
            page.texts(".article-body > p").await,
            block_texts(&second["intro"])
        );
        assert!(
            page.find_all(".related-posts").await.is_empty(),
            "it has none"
        );
    })
    .await;
}

#[tokio::test]
async fn a_dismissed_banner_stays_dismissed_after_a_reload() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        page.click(".announcement-dismiss").await;
        assert!(
            page.find_all(".announcement").await.is_empty(),
            "banner closed"
        );
        let focused = page
            .eval("return document.activeElement === document.querySelector('.site-header a')")
            .await;
        assert_eq!(
            focused,
            Value::Bool(true),
            "focus moves on, not to the page top"
        );

        open_article(&page, "/").await;
        page.find(".site-header").await;
        assert!(
            page.find_all(".announcement").await.is_empty(),
            "still closed"
        );

        // Nor does the pre-rendered page show it while the app loads (the app's files from
        // the server, which holds them back, not from the browser's cache).
        page.bypass_cache().await;
        let _app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        let shown = page
            .eval("return document.querySelector('.announcement').checkVisibility()")
            .await;
        assert_eq!(shown, Value::Bool(false), "closed before the app runs");
    })
    .await;
}

#[tokio::test]
async fn a_failed_content_request_shows_an_error_and_retry_recovers() {
    with_desktop_page(|page| async move {
        let file = article_file(&home_slug());
        page.server.serve_the_shell();
        page.server.fail(&file, 503);
        page.open("/").await;
        let details = load_error_details(&page).await;
        assert!(
            details.contains(&file[1..]) && details.contains("503"),
            "{details}"
        );

        page.server.clear();
        let retry = page.find(".load-error button").await;
        assert_eq!(retry.text().await.expect("text"), "Retry");
        retry.click().await.expect("click retry");
        page.wait_until(
            "the article replaces the error",
            &shows_title(&home_title()),
        )
        .await;
        assert!(page.find_all(".load-error").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn after_the_whole_server_failed_the_first_retry_recovers() {
    with_desktop_page(|page| async move {
        page.server.serve_the_shell();
        let home_file = article_file(&home_slug());
        for file in ["/content/site.json", "/content/articles.json", &home_file] {
            page.server.fail(file, 500);
        }
        page.open("/").await;
        let details = load_error_details(&page).await;
        assert!(details.contains("500"), "{details}");
        page.server.clear();
        page.click(".load-error button").await;
        page.wait_until("one retry shows the article", &shows_title(&home_title()))
            .await;
    })
    .await;
}

#[tokio::test]
async fn after_any_failure_of_any_content_file_one_retry_recovers() {
    with_desktop_page(|page| async move {
        let (home, other) = (home_slug(), other_slug());
        let broken = |file: &str, change: fn(&mut Value)| {
            let mut json = content_json(&file["/content/".len()..]);
            change(&mut json);
            json.to_string()
        };
        // The app builds each page from the content files (as it does offline, or in
        // development). Each content file, an address that loads it, the title found there,
        // and a version of the file that breaks a rule.
        page.server.serve_the_shell();
        let files = [
            (
                "/content/site.json".to_string(),
                "/".to_string(),
                home_title(),
                broken("/content/site.json", |site| {
                    site["booking_url"] = "javascript:void(0)".into()
                }),
            ),
            (
                "/content/articles.json".to_string(),
                "/".to_string(),
                home_title(),
                broken("/content/articles.json", |index| {
                    index["home"] = "missing".into()
                }),
            ),
            (
                article_file(&home),
                "/".to_string(),
                home_title(),
                broken(&article_file(&home), |article| {
                    article["title"] = " ".into()
                }),
            ),
            (
                article_file(&other),
                format!("/articles/{other}"),
                title_of(&other),
                broken(&article_file(&other), |article| {
                    article["title"] = " ".into()
                }),
            ),
        ];
        const ERROR: &str = "Sorry, this page could not be loaded";
        for (file, address, title, invalid) in files {
            let failures = [
                ("a dropped connection", Fault::Drop),
                ("a server error", Fault::Status(500)),
                ("malformed JSON", Fault::Body(b"{\"oops\": ".to_vec())),
                ("content that breaks a rule", Fault::Body(invalid.into())),
            ];
            for (failure, fault) in failures {
                // The file fails however often it is asked for (a preload the browser asks
                // for again included) until the error shows; then the server recovers.
                page.server.set(&file, fault);
                page.open(&address).await;
                let details = load_error_details(&page).await;
                assert!(details.contains(&file[1..]), "{file}, {failure}: {details}");
                page.server.clear();
                page.click(".load-error button").await;
                page.wait_until(
                    &format!("one retry recovers from {failure} of {file}"),
                    &shows_title(&title),
                )
                .await;
                assert!(
                    page.find_all(".load-error").await.is_empty(),
                    "{file}, {failure}: {ERROR}"
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn malformed_json_shows_a_clear_error_naming_the_file() {
    with_desktop_page(|page| async move {
        page.server.serve_the_shell();
        page.server
            .replace(&article_file(&home_slug()), r#"{"slug": "x", "title": }"#);
        page.open("/").await;
        let details = load_error_details(&page).await;
        assert!(
            details.contains(&article_file(&home_slug())[1..]),
            "{details}"
        );
        assert!(details.contains("not valid content"), "{details}");
        assert!(details.contains("at line 1 column 24"), "{details}");
    })
    .await;
}

/// Where serde_json finds the mistake in `article`, as the page serves it.
fn mistake_at(article: &Value) -> String {
    let error = serde_json::from_str::<clinic_content::Article>(&article.to_string())
        .expect_err("a mistake");
    format!("at line {} column {}", error.line(), error.column())
}

/// The browser names a mistake by its line and column (`content check`, which the build runs
/// and a development build shows on the page, names its field path too).
#[tokio::test]
async fn a_misspelt_or_mistyped_field_is_named_with_its_line_and_column() {
    with_desktop_page(|page| async move {
        let mut json = article_json();
        let item = json["faq"]["items"][1].as_object_mut().expect("item");
        let answer = item.remove("answer").expect("answer");
        item.insert("answr".into(), answer);
        let details = load_error_for(&page, &json).await;
        assert!(details.contains("unknown field `answr`"), "{details}");
        assert!(details.contains(&mistake_at(&json)), "{details}");

        let mut json = article_json();
        json["hero"]["width"] = "wide".into();
        let details = load_error_for(&page, &json).await;
        assert!(
            details.contains("invalid type: string \"wide\", expected u32"),
            "{details}"
        );
        assert!(details.contains(&mistake_at(&json)), "{details}");
    })
    .await;
}

#[tokio::test]
async fn content_with_an_unsafe_link_is_refused_with_the_field_path() {
    with_desktop_page(|page| async move {
        let mut json = article_json();
        json["intro"][0] = serde_json::json!({
            "paragraph": [{"link": {"text": "Click me", "href": "javascript:alert(1)"}}]
        });
        let details = load_error_for(&page, &json).await;
        assert!(
            details.contains("intro[0].paragraph[0].link.href"),
            "{details}"
        );
        assert!(page.find_all("a[href^='javascript']").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn unknown_addresses_show_not_found_with_a_link_home() {
    with_desktop_page(|page| async move {
        for path in ["/no/such/page", "/articles/no-such-article"] {
            page.open(path).await;
            assert_eq!(page.text("h1").await, "Page not found", "{path}");
            assert_eq!(
                page.attr(".not-found a", "href").await.as_deref(),
                Some("/")
            );
            assert!(
                page.find_all(".site-header").await.len() == 1,
                "the site frame stays"
            );
            let title = page.eval("return document.title").await;
            assert!(title.as_str().expect("title").starts_with("Page not found"));
            let robots = page
                .eval("return [...document.querySelectorAll('meta[name=robots]')].map(m => m.content)")
                .await;
            assert_eq!(robots, serde_json::json!(["noindex"]), "search engines skip it");
        }
        page.click(".not-found a").await;
        page.wait_until(
            "the home page shows the article",
            &shows_title(&home_title()),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn the_key_points_come_before_the_text_and_are_absent_without_them() {
    let articles = crate::support::fixture_articles();
    let with = articles
        .iter()
        .find(|a| !a.key_points.is_empty())
        .expect("a fixture article with key points")
        .clone();
    let without = articles
        .iter()
        .find(|a| a.key_points.is_empty())
        .expect("a fixture article without")
        .slug
        .clone();
    with_desktop_page(|page| async move {
        page.open(&format!("/articles/{}/", with.slug)).await;
        let shown = page
            .eval(
                "const box = document.querySelector('.key-points');
                 const body = document.querySelector('.article-body');
                 return {
                   heading: box.querySelector('h2').textContent,
                   labelled: box.getAttribute('aria-labelledby') === box.querySelector('h2').id,
                   points: [...box.querySelectorAll('li')].map(li => li.textContent),
                   first: !!(box.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING),
                 };",
            )
            .await;
        assert_eq!(
            shown,
            json!({
                "heading": "Key points",
                "labelled": true,
                "points": with.key_points,
                "first": true,
            })
        );
        page.open(&format!("/articles/{without}/")).await;
        assert!(page.find_all(".key-points").await.is_empty());
    })
    .await;
}
