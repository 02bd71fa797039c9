//! An article needs only a title, a description and some text: one without a picture,
//! sections or FAQ (a short notice, a blog post brought across) shows just that, with no
//! empty frame, contents or FAQ, a small sharing card and no FAQ in its JSON-LD.

use serde_json::{json, Value};

use crate::support::{
    edited_build_of, other_slug, run_in_browser, site_dir, title_of, Server, Unknown,
};

#[tokio::test]
async fn an_article_of_an_introduction_alone_shows_no_empty_picture_contents_or_faq() {
    let slug = other_slug();
    let site = edited_build_of(site_dir(), "short-article", |build| {
        let file = build.join(format!("content/articles/{slug}.json"));
        let mut article: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("the article"))
                .expect("JSON");
        let fields = article.as_object_mut().expect("an object");
        for optional in ["hero", "sections", "faq"] {
            fields.remove(optional);
        }
        std::fs::write(&file, article.to_string()).expect("write");
    });
    let server = Server::start_with(&site, "/", Unknown::NotFoundPage);
    let title = title_of(&slug);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open(&format!("/articles/{slug}/")).await;
        assert_eq!(page.texts("h1").await, vec![title.clone()]);
        assert!(!page.texts(".article-body p").await.is_empty(), "its text");
        let absent = page
            .eval(
                "return ['.article-hero', 'nav.toc', '.faq', '.article-body h2']
                   .filter(css => document.querySelector(css))",
            )
            .await;
        assert_eq!(absent, json!([]), "nothing empty in their place");
        assert!(page.find_all(".load-error").await.is_empty());

        let head = page
            .eval(
                "const meta = name => document.querySelector(`meta[name='${name}'], meta[property='${name}']`);
                 const graph = JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@graph'];
                 return [!!meta('og:image'), !!meta('twitter:image'), meta('twitter:card').content,
                         graph.map(node => node['@type'])]",
            )
            .await;
        assert_eq!(
            head,
            json!([false, false, "summary", ["MedicalWebPage", "BreadcrumbList"]])
        );
        let violations = page.axe_violations().await;
        assert!(violations.is_empty(), "{}", violations.join("\n"));

        // Its card in the library: no picture, its text the card's whole width.
        page.open("/articles/").await;
        let card = page
            .eval(&format!(
                "const card = [...document.querySelectorAll('.article-card')]
                   .find(card => card.querySelector('a').getAttribute('href').includes({slug:?}));
                 const text = card.querySelector('.article-card-text').getBoundingClientRect();
                 const box = card.getBoundingClientRect();
                 const padding = parseFloat(getComputedStyle(card).paddingLeft)
                   + parseFloat(getComputedStyle(card).paddingRight) + 2;
                 return [!!card.querySelector('img'), Math.abs(box.width - padding - text.width) < 1]"
            ))
            .await;
        assert_eq!(card, json!([false, true]), "a card of text alone");
    })
    .await;
}
