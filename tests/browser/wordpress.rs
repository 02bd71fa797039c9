//! A WordPress blog brought across (`content import-wordpress`) builds and reads as any
//! article: each published post at its address, its table and pictures shown, nothing for axe
//! to find.

use crate::support::{run_in_browser, site_with_wordpress_import, Server, Unknown};

#[tokio::test]
async fn each_imported_post_is_an_article_with_its_table_and_pictures() {
    let site = site_with_wordpress_import();
    let articles = imported_articles(site);
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

/// The articles the import wrote, as the build read them.
fn imported_articles(site: &std::path::Path) -> Vec<clinic_content::Article> {
    std::fs::read_dir(site.parent().expect("the project").join("content-src"))
        .expect("the imported Markdown")
        .flatten()
        .map(|entry| {
            let path = entry.path();
            let slug = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let markdown = std::fs::read_to_string(&path).expect("read");
            clinic_editor::markdown::read_article(&markdown, &slug, site).expect("it reads")
        })
        .collect()
}

/// Each imported article with the old addresses that lead to it.
fn old_addresses(site: &std::path::Path) -> Vec<(String, String, Vec<String>)> {
    imported_articles(site)
        .into_iter()
        .map(|article| (article.slug, article.title, article.old_addresses))
        .collect()
}

/// Opens `old` and waits until the browser has arrived at the article `slug`, whatever led it
/// there (a redirect, a page that points on, the early script).
async fn arrives(page: &crate::support::Page, old: &str, slug: &str, title: &str) {
    page.open_before_the_app(old).await;
    page.wait_until(
        &format!("{old} leads to {slug}"),
        &format!(
            "return location.pathname === '/articles/{slug}/'
               && document.querySelector('h1')?.textContent === {title:?}"
        ),
    )
    .await;
}

#[tokio::test]
async fn old_addresses_lead_to_their_articles_where_the_host_follows_redirects() {
    let site = site_with_wordpress_import();
    let moves = old_addresses(site);
    assert!(moves
        .iter()
        .any(|(_, _, old)| old.iter().any(|a| !a.is_ascii())));
    let server = Server::start_with(site, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        for (slug, title, old) in &moves {
            for address in old {
                arrives(&page, address, slug, title).await;
            }
        }
    })
    .await;
}

#[tokio::test]
async fn on_a_host_without_redirects_each_old_address_has_a_page_that_points_on() {
    let site = site_with_wordpress_import();
    let moves = old_addresses(site);
    // As GitHub Pages serves it: no _redirects.
    let plain = crate::support::edited_build_of(site, "wordpress-without-redirects", |build| {
        let _ = std::fs::remove_file(build.join(clinic_build::redirects::REDIRECTS_RULES_FILE));
    });
    std::fs::remove_file(plain.join(clinic_build::redirects::REDIRECTS_RULES_FILE))
        .expect("the build writes it again; this host has none");
    let server = Server::start_with(&plain, "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        for (slug, title, old) in &moves {
            for address in old {
                arrives(&page, address, slug, title).await;
            }
        }
    })
    .await;
}
