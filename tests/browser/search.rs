//! What search engines, link previews and printers get.

use serde_json::{json, Value};

use crate::support::{content_json, home_slug, other_slug, with_desktop_page, Page};

async fn head_value(page: &Page, selector: &str, attribute: &str) -> Value {
    page.eval(&format!(
        "return [...document.head.querySelectorAll({selector:?})].map(e => e.getAttribute({attribute:?}))"
    ))
    .await
}

/// The title and every tag a page adds to `<head>`, as `document` holds them (`"document"` for
/// the page in the browser, or a document parsed from fetched HTML).
const HEAD_OF: &str = "const headOf = (doc) => ({
      title: doc.title,
      tags: [...doc.head.querySelectorAll('[data-page-head]')].map(tag =>
        tag.localName + ' ' + [...tag.attributes].map(a => a.name + '=' + a.value).join(' ')
          + ' ' + (tag.localName === 'script'
            ? JSON.stringify(JSON.parse(tag.textContent))
            : tag.textContent)),
    });
    const fetched = (path) => fetch(path).then(r => r.text())
      .then(html => headOf(new DOMParser().parseFromString(html, 'text/html')));";

#[tokio::test]
async fn every_pages_html_carries_the_head_the_app_gives_it_for_readers_without_javascript() {
    // Link previews (chat apps, social networks) read the HTML and run no script.
    with_desktop_page(|page| async move {
        // Each address, and the file a host answers it with.
        let other = format!("/articles/{}/", other_slug());
        for (address, file) in [
            ("/", "/"),
            (other.as_str(), other.as_str()),
            ("/no/such/page", "/404.html"),
        ] {
            page.open(address).await;
            let heads = page
                .eval(&format!(
                    "{HEAD_OF}
                     return fetched({file:?}).then(html => ({{ app: headOf(document), html }}))"
                ))
                .await;
            assert!(
                heads["app"]["tags"]
                    .as_array()
                    .is_some_and(|tags| !tags.is_empty()),
                "{heads}"
            );
            assert_eq!(
                heads["html"], heads["app"],
                "{file}: the HTML says what the app says"
            );
        }
        let structured = page
            .eval(
                "return fetch('/').then(r => r.text()).then(html => JSON.parse(
                   new DOMParser().parseFromString(html, 'text/html')
                     .querySelector('script[type=\"application/ld+json\"]').textContent))",
            )
            .await;
        assert!(structured.is_object(), "JSON-LD that parses: {structured}");
    })
    .await;
}

#[tokio::test]
async fn the_head_carries_canonical_open_graph_and_twitter_tags() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        let article = content_json(&format!("articles/{}.json", home_slug()));
        let site_url = content_json("site.json")["site_url"].clone();
        let site_url = site_url.as_str().expect("the site's address");
        // Its own address, not the home page's; a raster card: social networks do not show
        // the SVG hero.
        let url = format!("{site_url}articles/{}/", home_slug());
        let card = format!(
            "{site_url}{}",
            article["hero"]["share_image"]
                .as_str()
                .expect("a sharing card")
        );
        assert_eq!(
            head_value(&page, "link[rel=canonical]", "href").await,
            json!([url])
        );
        for (property, expected) in [
            ("og:type", json!("article")),
            ("og:title", article["title"].clone()),
            ("og:description", article["description"].clone()),
            ("og:url", json!(url)),
            (
                "og:site_name",
                content_json("site.json")["clinic_name"].clone(),
            ),
            ("og:image", json!(card)),
            ("article:published_time", article["published"].clone()),
        ] {
            assert_eq!(
                head_value(&page, &format!("meta[property='{property}']"), "content").await,
                json!([expected]),
                "{property}"
            );
        }
        for (name, expected) in [
            ("twitter:card", json!("summary_large_image")),
            ("twitter:title", article["title"].clone()),
            ("twitter:description", article["description"].clone()),
            ("twitter:image", json!(card)),
        ] {
            assert_eq!(
                head_value(&page, &format!("meta[name='{name}']"), "content").await,
                json!([expected]),
                "{name}"
            );
        }
        assert_eq!(
            head_value(&page, "link[rel=icon]", "href").await,
            json!(["favicon.svg"])
        );
        assert_eq!(
            head_value(&page, "link[rel=manifest]", "href").await,
            json!(["manifest.webmanifest"])
        );
        for file in [
            "images/fixture-card.png",
            "robots.txt",
            "sitemap.xml",
            "manifest.webmanifest",
            "favicon.svg",
        ] {
            let status = page
                .eval(&format!("return fetch('/{file}').then(r => r.status)"))
                .await;
            assert_eq!(status, json!(200), "{file} is served");
        }
    })
    .await;
}

#[tokio::test]
async fn printed_the_article_stands_alone_with_addresses_and_every_answer() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        page.emulate_media("print", &[]).await;
        let hidden = page
            .eval(
                "return ['.announcement', '.site-actions', '.toc', '.back-to-top', '.faq-controls']
                    .map(s => getComputedStyle(document.querySelector(s)).display)",
            )
            .await;
        assert_eq!(hidden, json!(["none", "none", "none", "none", "none"]));
        // Every link in the text prints its address: a booking link the booking address.
        let booking = content_json("site.json")["booking_url"].clone();
        let links = page
            .eval(
                "return [...document.querySelectorAll('.article-body > p a')].map(a =>
                   [a.getAttribute('href'), getComputedStyle(a, '::after').content])",
            )
            .await;
        let links = links.as_array().expect("links");
        assert!(links.iter().any(|link| link[0] == booking), "{links:?}");
        for link in links {
            let (href, after) = (
                link[0].as_str().expect("href"),
                link[1].as_str().expect("after"),
            );
            assert_eq!(after, format!("\" ({href})\""));
        }
        let answers = page
            .eval(
                "return [...document.querySelectorAll('.faq-answer')]
                    .every(p => getComputedStyle(p).display !== 'none')",
            )
            .await;
        assert_eq!(answers, json!(true));
    })
    .await;
}
