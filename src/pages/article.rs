use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use crate::components::{
    ArticleBody, ArticleHeader, FaqAccordion, RelatedPosts, SectionLink, SiteLayout,
    TableOfContents,
};
use crate::content::outline::TITLE_ID;
use crate::content::structured_data::json_ld;
use crate::content::text::{reading_minutes, word_count};
use crate::content::{Article, Outline, SiteSettings};
use crate::navigation::{go_to, on_hash_target, CurrentSection, Jump};
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
    let title = format!("{} | {}", article.title, site.clinic_name);
    let structured_data = json_ld(&article, &site);
    let url = site.article_url(&article.slug);
    let image = site.file_url(&article.hero.image);
    let reduced_motion = use_reading_settings().reduce_motion();
    let current_section = RwSignal::new(None);
    provide_context(CurrentSection(current_section));
    follow_deep_links(reduced_motion);
    view! {
        <Title text=title />
        <Meta name="description" content=article.description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content="article" />
        <Meta property="og:site_name" content=site.clinic_name.clone() />
        <Meta property="og:title" content=article.title.clone() />
        <Meta property="og:description" content=article.description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:alt" content=article.hero.alt.clone() />
        <Meta property="article:published_time" content=article.published.clone() />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=article.title.clone() />
        <Meta name="twitter:description" content=article.description.clone() />
        <Meta name="twitter:image" content=image />
        <Script type_="application/ld+json">{structured_data}</Script>
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
