use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    ArticleBody, ArticleHeader, FaqAccordion, RelatedPosts, SectionLink, SiteLayout,
    TableOfContents,
};
use crate::content::outline::TITLE_ID;
use crate::content::structured_data::json_ld;
use crate::content::text::{reading_minutes, word_count};
use crate::content::{Article, Outline, SiteSettings};
use crate::navigation::{go_to, on_hash_target, CurrentSection, Jump};
use crate::pages::head::{set_document_head, HeadTag};
use crate::prefs::use_reading_settings;

/// One article, with its table of contents, FAQ and related posts.
#[component]
pub fn ArticlePage(site: Arc<SiteSettings>, article: Arc<Article>) -> impl IntoView {
    let outline = Outline::of(&article);
    let words: usize = article
        .body_blocks()
        .flat_map(|block| block.texts())
        .map(|text| word_count(&text))
        .sum();
    set_article_head(&article, &site);
    let reduced_motion = use_reading_settings().reduce_motion();
    let current_section = RwSignal::new(None);
    provide_context(CurrentSection(current_section));
    follow_deep_links(reduced_motion);
    view! {
        <SiteLayout site=site.clone()>
            <article class="article" aria-labelledby=TITLE_ID>
                <ArticleHeader article=article.clone() reading_minutes=reading_minutes(words) />
                <TableOfContents outline=outline.clone() current=current_section />
                <ArticleBody article=article.clone() outline=outline.clone() />
                <FaqAccordion faq=article.faq.clone() entry=outline.faq.clone() />
                <p class="back-to-top">
                    <SectionLink id=TITLE_ID.to_string()>
                        "Back to top"
                    </SectionLink>
                </p>
            </article>
            <RelatedPosts posts=article.related.clone() site=site.clone() />
        </SiteLayout>
    }
}

/// The title, description, canonical address, sharing card and JSON-LD of `article`.
fn set_article_head(article: &Article, site: &SiteSettings) {
    let url = site.article_url(&article.slug);
    let image = site.file_url(article.hero.share_image());
    set_document_head(
        &format!("{} | {}", article.title, site.clinic_name),
        vec![
            HeadTag::named("description", &article.description),
            HeadTag::link("canonical", url.clone()),
            HeadTag::property("og:type", "article"),
            HeadTag::property("og:site_name", &site.clinic_name),
            HeadTag::property("og:title", &article.title),
            HeadTag::property("og:description", &article.description),
            HeadTag::property("og:url", url),
            HeadTag::property("og:image", image.clone()),
            HeadTag::property("og:image:alt", &article.hero.alt),
            HeadTag::property("article:published_time", &article.published),
            HeadTag::named("twitter:card", "summary_large_image"),
            HeadTag::named("twitter:title", &article.title),
            HeadTag::named("twitter:description", &article.description),
            HeadTag::named("twitter:image", image),
            HeadTag::json_ld(json_ld(article, site)),
        ],
    );
}

/// Opening `…#section` scrolls to that section once the article has rendered (instantly), and
/// so does going back or forward between sections. Unknown ids are ignored.
fn follow_deep_links(reduced_motion: Signal<bool>) {
    on_hash_target(move |id, on_load| {
        go_to(
            id,
            Jump {
                smooth: !on_load && !reduced_motion.get_untracked(),
                record: false,
            },
        );
    });
}
