//! An article written in Markdown renders like any other: the build reads it from the
//! sources (`content-src/`, here the fixture's `tests/fixtures/markdown/`), with nothing to
//! import, and lists it in the library.

use clinic_content::model::Block;
use clinic_content::plain_text;
use serde_json::json;

use clinic_content::load::PROBLEMS_FILE;

use crate::support::{
    article_file, content_json, home_slug, markdown_fixture_article, run_in_browser,
    site_with_markdown_dir, with_desktop_page, Server, Unknown,
};

#[tokio::test]
async fn a_markdown_article_renders_at_its_address_with_contents_and_faq() {
    let article = markdown_fixture_article();
    let server = Server::start_with(site_with_markdown_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open(&format!("/articles/{}", article.slug)).await;

        assert_eq!(page.texts("h1").await, vec![article.title.clone()]);
        // What the Markdown says, as the importer read it: each heading in the contents, each
        // `{#id}` kept, each numbered list in order, the callout, the FAQ.
        let outline = clinic_content::Outline::of(&article);
        let mut headings: Vec<String> = Vec::new();
        for section in &outline.sections {
            headings.push(section.text.clone());
            headings.extend(section.children.iter().map(|part| part.text.clone()));
        }
        headings.push(outline.faq.as_ref().expect("an FAQ").text.clone());
        let contents = page
            .eval("return [...document.querySelectorAll('nav.toc a')].map(a => a.textContent)")
            .await;
        assert_eq!(contents, json!(headings));
        let kept_ids: Vec<&String> = article
            .sections
            .iter()
            .flat_map(|section| section.subsections.iter().map(|part| &part.id))
            .flatten()
            .collect();
        assert!(!kept_ids.is_empty(), "the Markdown keeps an id of its own");
        for id in kept_ids {
            assert_eq!(page.find_all(&format!("h3#{id}")).await.len(), 1, "#{id}");
        }
        let numbered: Vec<String> = article
            .sections
            .iter()
            .flat_map(|section| {
                let parts = section.subsections.iter().flat_map(|part| &part.body);
                section.body.iter().chain(parts)
            })
            .filter_map(|block| match block {
                Block::NumberedList(items) => Some(items),
                _ => None,
            })
            .flatten()
            .map(|item| plain_text(item))
            .collect();
        assert!(!numbered.is_empty(), "the Markdown has a numbered list");
        assert_eq!(page.texts(".article-section ol li").await, numbered);
        let callouts: Vec<&str> = article
            .sections
            .iter()
            .filter(|section| section.callout)
            .map(|section| section.heading.as_str())
            .collect();
        assert_eq!(page.texts(".callout h2").await, callouts);
        assert_eq!(
            page.attr(".callout a", "href").await,
            content_json("site.json")["booking_url"]
                .as_str()
                .map(String::from)
        );
        let questions: Vec<&str> = article
            .faq
            .as_ref()
            .expect("an FAQ")
            .items
            .iter()
            .map(|item| item.question.as_str())
            .collect();
        assert_eq!(page.texts(".faq-question").await, questions);
        page.assert_the_first_answer_opens().await;

        // Listed in the library beside the articles written in JSON.
        page.open("/articles/").await;
        let cards = page
            .eval("return [...document.querySelectorAll('.article-card-link')].map(a => a.textContent)")
            .await;
        assert!(
            cards.as_array().is_some_and(|cards| cards.contains(&json!(article.title))),
            "{cards}"
        );
        let written_in_json = content_json("articles.json")["articles"]
            .as_array()
            .expect("articles")
            .len();
        assert_eq!(cards.as_array().map(Vec::len), Some(written_in_json + 1));
    })
    .await;
}

#[tokio::test]
async fn the_mistakes_a_development_build_found_show_with_the_pages_error() {
    with_desktop_page(|page| async move {
        // As `trunk serve` leaves a site whose Markdown has a mistake: the app's shell as the
        // page, the article missing, the build's mistakes in PROBLEMS_FILE.
        let mistake = "content-src/stretching.md:4: front matter: invalid type: sequence";
        page.server.serve_the_shell();
        page.server.fail(&article_file(&home_slug()), 404);
        page.server.replace(
            &format!("/{PROBLEMS_FILE}"),
            serde_json::to_string(&[mistake]).expect("JSON"),
        );
        page.open("/").await;
        page.wait_until(
            "the details name the Markdown's file and line",
            &format!(
                "return document.querySelector('.load-error-details').textContent.includes({mistake:?})"
            ),
        )
        .await;
    })
    .await;
}
