//! An article written in Markdown and imported with `content import` renders like any other.

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
        let contents = page
            .eval("return [...document.querySelectorAll('nav.toc a')].map(a => a.textContent)")
            .await;
        assert_eq!(
            contents,
            json!([
                "Three Stretches Between Meetings",
                "How Often to Stretch",
                "Setting Up the Desk",
                "When Stretching Hurts",
                "Frequently Asked Questions"
            ])
        );
        assert_eq!(
            page.attr("h3#how-often", "id").await.as_deref(),
            Some("how-often")
        );
        assert_eq!(
            page.texts(".article-section ol li").await,
            vec![
                "Roll your shoulders backwards five times.",
                "Turn your head to each side and hold for a breath.",
                "Reach both arms up and lean gently to each side.",
            ]
        );
        assert_eq!(page.text(".callout h2").await, "When Stretching Hurts");
        assert_eq!(
            page.attr(".callout a", "href").await,
            content_json("site.json")["booking_url"]
                .as_str()
                .map(String::from)
        );
        assert_eq!(
            page.texts(".faq-question").await,
            vec![
                "Can I stretch during a video call?",
                "Is a standing desk better?"
            ]
        );
        page.assert_the_first_answer_opens().await;
    })
    .await;
}
