//! The plan as TOML gives it, before validation: serde structs whose field lists are the
//! keys the parser accepts (the plan schema is checked against them).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    pub(crate) plan: RawHeader,
    #[serde(default)]
    pub(crate) columns: RawColumns,
    #[serde(default)]
    pub(crate) tasks: Vec<Spanned<RawTask>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeader {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) authority: String,
    #[serde(default)]
    pub(crate) contact: String,
    pub(crate) date: Option<Spanned<String>>,
    pub(crate) exclude_status: Option<Spanned<Vec<String>>>,
    pub(crate) one_visit: Option<Spanned<String>>,
    pub(crate) max_inspections_per_year: Option<Spanned<i64>>,
    pub(crate) max_teams_per_officer: Option<Spanned<i64>>,
    pub(crate) max_replacements: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawColumns {
    #[serde(default)]
    pub(crate) targets: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) officers: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) public: RawPublic,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPublic {
    #[serde(default)]
    pub(crate) targets: Vec<String>,
    #[serde(default)]
    pub(crate) officers: Vec<String>,
    #[serde(default)]
    pub(crate) history: Vec<String>,
    #[serde(default)]
    pub(crate) conflicts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTask {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) items: Vec<String>,
    #[serde(default)]
    pub(crate) basis: String,
    pub(crate) filter: Option<Spanned<toml::Table>>,
    #[serde(default)]
    pub(crate) strata: Vec<Spanned<String>>,
    pub(crate) ratio: Option<Spanned<toml::Value>>,
    pub(crate) count: Option<Spanned<toml::Value>>,
    pub(crate) allocation: Option<Spanned<String>>,
    pub(crate) rounding: Option<Spanned<String>>,
    pub(crate) min_per_stratum: Option<Spanned<i64>>,
    pub(crate) team_size: Option<Spanned<i64>>,
    pub(crate) officer_filter: Option<Spanned<toml::Table>>,
    pub(crate) exclude_inspected: Option<Spanned<toml::Table>>,
    pub(crate) officer_region: Option<Spanned<String>>,
    pub(crate) max_teams_per_officer: Option<Spanned<i64>>,
    pub(crate) rotation: Option<Spanned<toml::Value>>,
    pub(crate) departments: Option<Spanned<Vec<RawDepartment>>>,
    pub(crate) require_categories: Option<bool>,
    pub(crate) inspection_date: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDepartment {
    pub(crate) department: String,
    pub(crate) members: i64,
}

/// The plan schema (`schemas/plan.v2.schema.json`) names exactly the keys the
/// parser accepts: a drift test over serde's own field lists.
#[cfg(test)]
mod schema_drift {
    use super::{RawColumns, RawHeader, RawPlan, RawTask};
    use serde::de::{self, Visitor};

    /// A deserializer that records the field names a struct asks for.
    struct Fields(Vec<&'static str>);

    impl<'de> de::Deserializer<'de> for &mut Fields {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields.to_vec();
            Err(de::Error::custom("recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    fn fields<T: de::DeserializeOwned>() -> Vec<String> {
        let mut f = Fields(Vec::new());
        let _ = T::deserialize(&mut f);
        let mut v: Vec<String> = f.0.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    }

    fn properties(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
        let mut v: Vec<String> = schema
            .pointer(pointer)
            .and_then(serde_json::Value::as_object)
            .unwrap_or_else(|| panic!("{pointer} in the plan schema"))
            .keys()
            .cloned()
            .collect();
        v.sort();
        v
    }

    #[test]
    fn plan_schema_matches_the_parser() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schemas::get("plan").unwrap()).unwrap();
        assert_eq!(fields::<RawPlan>(), properties(&schema, "/properties"));
        assert_eq!(
            fields::<RawHeader>(),
            properties(&schema, "/properties/plan/properties")
        );
        assert_eq!(
            fields::<RawColumns>(),
            properties(&schema, "/properties/columns/properties")
        );
        assert_eq!(
            fields::<RawTask>(),
            properties(&schema, "/$defs/task/properties")
        );
    }
}
