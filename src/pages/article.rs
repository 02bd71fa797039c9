use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::{ArticleBody, ArticleHeader, FaqList, RelatedPosts, SiteLayout};
use crate::content::outline::TITLE_ID;
use crate::content::text::{reading_minutes, word_count};
use crate::content::{Article, Outline, SiteSettings};

/// One article, with its FAQ and related posts.
#[component]
pub fn ArticlePage(site: Arc<SiteSettings>, article: Arc<Article>) -> impl IntoView {
    let outline = Outline::of(&article);
    let words: usize = article
        .body_blocks()
        .flat_map(|block| block.texts())
        .map(|text| word_count(&text))
        .sum();
    let title = format!("{} | {}", article.title, site.clinic_name);
    view! {
        <Title text=title />
        <Meta name="description" content=article.description.clone() />
        <SiteLayout site=site.clone()>
            <article class="article" aria-labelledby=TITLE_ID>
                <ArticleHeader article=article.clone() reading_minutes=reading_minutes(words) />
                <ArticleBody article=article.clone() outline=outline.clone() />
                <FaqList faq=article.faq.clone() entry=outline.faq.clone() />
            </article>
            <RelatedPosts posts=article.related.clone() site=site.clone() />
        </SiteLayout>
    }
}
