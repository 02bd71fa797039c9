//! A WordPress blog brought across (`content import-wordpress`) builds and reads as any
//! article: each published post at its address, its table and pictures shown, nothing for axe
//! to find.

use crate::support::{run_in_browser, site_with_wordpress_import, Server, Unknown};

#[tokio::test]
async fn each_imported_post_is_an_article_with_its_table_and_pictures() {
    let site = site_with_wordpress_import();
    let articles: Vec<clinic_content::Article> =
        std::fs::read_dir(site.parent().expect("the project").join("content-src"))
            .expect("the imported Markdown")
            .flatten()
            .map(|entry| {
                let slug = entry
                    .path()
                    .file_stem()
                    .expect("a name")
                    .to_string_lossy()
                    .into_owned();
                let markdown = std::fs::read_to_string(entry.path()).expect("read");
                clinic_editor::markdown::read_article(&markdown, &slug, site).expect("it reads")
            })
            .collect();
    assert!(articles.len() >= 2, "the export's published posts");
    let server = Server::start_with(site, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        for article in &articles {
            page.open(&format!("/articles/{}/", article.slug)).await;
            assert_eq!(page.texts("h1").await, vec![article.title.clone()]);
            let blocks: Vec<&clinic_content::Block> = article.body_blocks().collect();
            let count = |kind: fn(&clinic_content::Block) -> bool| {
                blocks.iter().filter(|block| kind(block)).count()
            };
            // Every picture arrives: its file was copied where the article names it.
            page.wait_until(
                "every picture has arrived",
                "const pictures = [...document.querySelectorAll('.article-header img, .content-figure img')];
                 pictures.forEach(img => img.loading = 'eager');
                 return pictures.every(img => img.complete && img.naturalWidth > 0)",
            )
            .await;
            let shown = page
                .eval(
                    "return [document.querySelectorAll('.article-body .content-table table').length,
                             document.querySelectorAll('.article-body .content-figure img').length,
                             document.querySelectorAll('.faq .faq-question').length]",
                )
                .await;
            assert_eq!(
                shown,
                serde_json::json!([
                    count(|b| matches!(b, clinic_content::Block::Table(_))),
                    count(|b| matches!(b, clinic_content::Block::Figure(_))),
                    article.faq.as_ref().map_or(0, |faq| faq.items.len()),
                ]),
                "{}",
                article.slug
            );
            let violations = page.axe_violations().await;
            assert!(
                violations.is_empty(),
                "{}: {}",
                article.slug,
                violations.join("\n")
            );
        }
    })
    .await;
}
