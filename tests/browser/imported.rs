//! An article written in Markdown and imported with `content import` renders like any other.

use clinic_content::model::Block;
use clinic_content::plain_text;
use serde_json::json;

use crate::support::{content_json, with_desktop_page};

#[tokio::test]
async fn an_imported_markdown_article_renders_at_its_address_with_contents_and_faq() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let markdown =
        std::fs::read_to_string(root.join("tests/fixtures/markdown/stretching-at-your-desk.md"))
            .expect("markdown");
    let article = clinic_editor::markdown::import(&markdown, &root.join("tests/fixtures"))
        .expect("the fixture imports");
    let mut index = content_json("articles.json");
    index["articles"]
        .as_array_mut()
        .expect("articles")
        .push(json!({ "slug": article.slug, "title": article.title }));
    with_desktop_page(|page| async move {
        page.server.replace(
            &format!("/content/articles/{}.json", article.slug),
            serde_json::to_string(&article).expect("JSON"),
        );
        page.server
            .replace("/content/articles.json", index.to_string());
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
        headings.push(outline.faq.text.clone());
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
            .items
            .iter()
            .map(|item| item.question.as_str())
            .collect();
        assert_eq!(page.texts(".faq-question").await, questions);
        page.assert_the_first_answer_opens().await;
    })
    .await;
}
