//! The article page as a patient sees it, and what happens when content or the address is bad.

use std::time::Duration;

use serde_json::Value;

use crate::support::{content_json, with_desktop_page, Page};

const SLUG: &str = "how-to-relieve-upper-back-pain-fast";
const ARTICLE_PATH: &str = "/content/articles/how-to-relieve-upper-back-pain-fast.json";
const TITLE: &str = "How to Relieve Upper Back Pain Fast: Effective Strategies That Work?";

fn article_json() -> Value {
    content_json(&format!("articles/{SLUG}.json"))
}

/// The plain text of a JSON rich-text run.
fn plain(inlines: &Value) -> String {
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
fn block_texts(blocks: &Value) -> Vec<String> {
    let mut texts = Vec::new();
    for block in blocks.as_array().into_iter().flatten() {
        if let Some(paragraph) = block.get("paragraph") {
            texts.push(plain(paragraph));
        }
        for item in block["list"].as_array().into_iter().flatten() {
            texts.push(plain(item));
        }
    }
    texts
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

/// Serves `article` in place of the bundled article and returns the error details shown.
async fn load_error_for(page: &Page, article: &Value) -> String {
    page.server.replace(ARTICLE_PATH, article.to_string());
    page.open("/").await;
    load_error_details(page).await
}

async fn open_article(page: &Page, path: &str) {
    page.open_complete(path).await;
}

#[tokio::test]
async fn the_home_page_shows_the_article_title_date_and_headings_in_order() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        assert_eq!(
            page.texts("h1").await,
            vec![TITLE],
            "exactly one h1, the title"
        );
        assert_eq!(page.text(".article-category").await, "BACK PAIN");
        assert_eq!(
            page.attr("time", "datetime").await.as_deref(),
            Some("2026-01-10")
        );
        assert_eq!(page.text("time").await, "Jan 10, 2026");
        let reading = page.text(".reading-time").await;
        assert!(
            reading.ends_with(" min read") && reading.len() > 9,
            "{reading:?}"
        );

        let json = article_json();
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
        expected.push("h2 FAQs".to_string());
        let headings = page
            .eval(
                "return [...document.querySelectorAll('article h2, article h3')]
                    .filter(h => !h.closest('.faq-item'))
                    .map(h => h.tagName.toLowerCase() + ' ' + h.textContent)",
            )
            .await;
        let headings: Vec<String> = serde_json::from_value(headings).expect("strings");
        assert_eq!(headings, expected);
        assert_eq!(
            headings[0],
            "h2 What Your Upper Back Pain Is Trying to Tell You?"
        );
        assert_eq!(
            headings[1],
            "h3 The Most Common Reasons Upper Back Pain Starts"
        );

        // Section ids are readable slugs; every id on the page is unique.
        let ids = page
            .eval(
                "return [...document.querySelectorAll('.article-body :is(h2, h3)')].map(h => h.id)",
            )
            .await;
        let ids: Vec<String> = serde_json::from_value(ids).expect("strings");
        assert_eq!(ids.len(), 18);
        assert_eq!(ids[0], "what-your-upper-back-pain-is-trying-to-tell-you");
        assert_eq!(
            ids[2],
            "upper-back-pain-vs-regular-back-pain-whats-the-difference"
        );
        let all_ids = page
            .eval("return [...document.querySelectorAll('[id]')].map(e => e.id)")
            .await;
        let all_ids: Vec<String> = serde_json::from_value(all_ids).expect("strings");
        let unique: std::collections::HashSet<_> = all_ids.iter().collect();
        assert_eq!(unique.len(), all_ids.len(), "duplicate ids in {all_ids:?}");

        // The section about getting care stands out.
        assert_eq!(
            page.text(".callout h2").await,
            "When Upper Back Pain Needs Medical Attention"
        );
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
        assert_eq!(
            shown.len(),
            28,
            "the 28 paragraphs and list items of the source"
        );
        assert!(shown
            .iter()
            .any(|t| t.starts_with("That tight, aching feeling")));

        // FAQ: every answer, under its question.
        let questions: Vec<String> = json["faq"]["items"]
            .as_array()
            .expect("faq items")
            .iter()
            .map(|item| item["question"].as_str().expect("question").to_string())
            .collect();
        assert_eq!(questions.len(), 5);
        assert_eq!(page.texts(".faq-item h3").await, questions);
        let answers: Vec<String> = json["faq"]["items"]
            .as_array()
            .expect("faq items")
            .iter()
            .flat_map(|item| block_texts(&item["answer"]))
            .collect();
        let shown = page
            .eval("return [...document.querySelectorAll('.faq-answer p')].map(p => p.textContent)")
            .await;
        assert_eq!(shown, serde_json::json!(answers));
        assert!(answers[1].starts_with("Yes, dehydration can contribute"));
    })
    .await;
}

#[tokio::test]
async fn the_banner_header_hero_related_posts_and_footer_come_from_the_settings() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let site = content_json("site.json");
        let booking = site["booking_url"].as_str().expect("booking url");

        let banner = page.text(".announcement p").await;
        assert_eq!(
            banner,
            "Now offering Primary Care services under Apex Primary Wellness! Schedule your visit today."
        );
        assert_eq!(page.text(".announcement a").await, "Schedule your visit today.");
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
        assert!(booking.contains("example.com"), "placeholders until a clinic sets its own");

        // "contact us today" in the body books too.
        assert_eq!(
            page.attr(".article-body a", "href").await.as_deref(),
            Some(booking)
        );

        assert_eq!(
            page.attr(".article-hero img", "alt").await.as_deref(),
            Some("Upper back pain relief techniques including stretching, posture correction, and muscle relaxation exercises")
        );
        let hero_loaded = page
            .eval("const i = document.querySelector('.article-hero img'); return i.complete && i.naturalWidth > 0")
            .await;
        assert_eq!(hero_loaded, Value::Bool(true), "the hero image loads");

        assert_eq!(
            page.texts(".related-posts li").await,
            vec![
                "How Cold Weather Can Cause Pain in Your Joints & Spine?",
                "Can Constipation Cause Lower Back Pain?",
                "How Effective Are Caudal Epidural Steroid Injections for Back Pain?",
                "5 Genetic Factors That Can Contribute to Lower Back Pain",
            ]
        );
        assert!(
            page.find_all(".related-posts a").await.is_empty(),
            "no related-posts address is set, so the titles are not links"
        );

        assert_eq!(page.text(".footer-clinic").await, "Apex Interventional Pain & Spine");
        assert!(page.text(".footer-disclaimer").await.contains("not medical advice"));
    })
    .await;
}

#[tokio::test]
async fn the_document_title_and_description_belong_to_the_article() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        let title = page.eval("return document.title").await;
        assert_eq!(
            title,
            Value::String(format!("{TITLE} | Apex Interventional Pain & Spine"))
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
async fn the_canonical_article_address_shows_the_same_article() {
    with_desktop_page(|page| async move {
        open_article(&page, &format!("/articles/{SLUG}")).await;
        assert_eq!(page.texts("h1").await, vec![TITLE]);
        assert!(!page.texts(".article-body p").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_dismissed_banner_stays_dismissed_after_a_reload() {
    with_desktop_page(|page| async move {
        open_article(&page, "/").await;
        page.find(".announcement-dismiss")
            .await
            .click()
            .await
            .expect("click");
        assert!(
            page.find_all(".announcement").await.is_empty(),
            "banner closed"
        );
        let focused = page
            .eval("return document.activeElement.classList.contains('site-name')")
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
    })
    .await;
}

#[tokio::test]
async fn a_loader_shows_at_once_and_gives_way_to_the_article() {
    with_desktop_page(|page| async move {
        page.server.delay(".wasm", Duration::from_millis(1500));
        page.open("/").await;
        let loader = page.find(".page-loader[role=status]").await;
        assert!(loader.text().await.expect("text").contains("Loading"));
        page.find("h1").await;
        assert!(
            page.find_all(".page-loader").await.is_empty(),
            "loader replaced"
        );
        let has_noscript = page
            .eval("return fetch('/').then(r => r.text()).then(t => t.includes('<noscript>'))")
            .await;
        assert_eq!(has_noscript, Value::Bool(true));
    })
    .await;
}

#[tokio::test]
async fn a_failed_content_request_shows_an_error_and_retry_recovers() {
    with_desktop_page(|page| async move {
        page.server.fail(ARTICLE_PATH, 503);
        page.open("/").await;
        let details = load_error_details(&page).await;
        assert!(
            details.contains(&ARTICLE_PATH[1..]) && details.contains("503"),
            "{details}"
        );

        page.server.clear();
        let retry = page.find(".load-error button").await;
        assert_eq!(retry.text().await.expect("text"), "Retry");
        retry.click().await.expect("click retry");
        page.wait_until(
            "the article replaces the error",
            &format!("return document.querySelector('h1')?.textContent === {TITLE:?}"),
        )
        .await;
        assert!(page.find_all(".load-error").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn malformed_json_shows_a_clear_error_naming_the_file() {
    with_desktop_page(|page| async move {
        page.server
            .replace(ARTICLE_PATH, r#"{"slug": "x", "title": }"#);
        page.open("/").await;
        let details = load_error_details(&page).await;
        assert!(details.contains(&ARTICLE_PATH[1..]), "{details}");
        assert!(details.contains("not valid content"), "{details}");
        assert!(details.contains("at line 1 column 24"), "{details}");
    })
    .await;
}

#[tokio::test]
async fn a_misspelt_or_mistyped_field_is_named_with_its_path() {
    with_desktop_page(|page| async move {
        let mut json = article_json();
        let item = json["faq"]["items"][1].as_object_mut().expect("item");
        let answer = item.remove("answer").expect("answer");
        item.insert("answr".into(), answer);
        let details = load_error_for(&page, &json).await;
        assert!(
            details.contains("faq.items[1].answr: unknown field `answr`"),
            "{details}"
        );

        let mut json = article_json();
        json["hero"]["width"] = "wide".into();
        let details = load_error_for(&page, &json).await;
        assert!(
            details.contains("hero.width: invalid type: string \"wide\", expected u32"),
            "{details}"
        );
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
        page.find(".not-found a")
            .await
            .click()
            .await
            .expect("click home");
        page.wait_until(
            "the home page shows the article",
            &format!("return document.querySelector('h1')?.textContent === {TITLE:?}"),
        )
        .await;
    })
    .await;
}
