//! The content the site ships (`public/content/`), rendered by the release build: a smoke
//! test whose expectations come from the shipped files, so it holds after a clinic edits them.

use serde_json::Value;

use crate::support::{
    block_texts, plain, run_in_browser, shipped_content_json, shipped_site_dir, Server,
};

#[tokio::test]
async fn the_shipped_home_article_and_settings_render_as_written() {
    let site = shipped_content_json("site.json");
    let home = shipped_content_json("articles.json")["home"]
        .as_str()
        .expect("home")
        .to_string();
    let article = shipped_content_json(&format!("articles/{home}.json"));
    let server = Server::start(shipped_site_dir());
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open("/").await;
        assert_eq!(page.texts("h1").await, vec![article["title"].as_str().expect("title")]);
        assert_eq!(page.text(".announcement p").await, plain(&site["announcement"]));
        assert_eq!(
            page.attr(".site-header a.action-primary", "href").await.as_deref(),
            site["booking_url"].as_str()
        );
        assert_eq!(
            page.attr(".site-header a[href^='tel:']", "href").await,
            Some(format!("tel:{}", site["phone"]["dial"].as_str().expect("dial")))
        );

        let mut expected = block_texts(&article["intro"]);
        let mut headings = 0;
        for section in article["sections"].as_array().expect("sections") {
            expected.extend(block_texts(&section["body"]));
            headings += 1;
            for sub in section["subsections"].as_array().into_iter().flatten() {
                expected.extend(block_texts(&sub["body"]));
                headings += 1;
            }
        }
        let shown = page
            .eval(
                "return [...document.querySelectorAll('.article-body p, .article-body li')]
                    .map(e => e.textContent)",
            )
            .await;
        assert_eq!(shown, serde_json::json!(expected), "every paragraph, verbatim");
        assert_eq!(page.find_all(".article-body :is(h2, h3)").await.len(), headings);
        assert_eq!(
            page.find_all(".faq-question").await.len(),
            article["faq"]["items"].as_array().map_or(0, Vec::len)
        );
        let hero_loaded = page
            .eval("const i = document.querySelector('.article-hero img'); return i.complete && i.naturalWidth > 0")
            .await;
        assert_eq!(hero_loaded, Value::Bool(true), "the shipped hero image loads");
    })
    .await;
}
