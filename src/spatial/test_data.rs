//! Test helper: reads the embedded boundary GeoJSON files into (ISO code, MultiPolygon) pairs.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;

/// The boundary editions shipped in `assets/boundaries`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Edition {
    E2018,
    E2024,
}

fn ring(value: &Value) -> LineString<f64> {
    value
        .as_array()
        .expect("ring is an array")
        .iter()
        .map(|p| Coord { x: p[0].as_f64().expect("lon"), y: p[1].as_f64().expect("lat") })
        .collect()
}

fn polygon(value: &Value) -> Polygon<f64> {
    let rings = value.as_array().expect("polygon is an array of rings");
    Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
}

/// Every feature of an edition as (ISO 3166-2 code, geometry), in file order, unrepaired.
pub(crate) fn regions(edition: Edition) -> Vec<(String, MultiPolygon<f64>)> {
    let text = match edition {
        Edition::E2018 => include_str!("../../assets/boundaries/kz_adm1_2018.geojson"),
        Edition::E2024 => include_str!("../../assets/boundaries/kz_adm1_2024.geojson"),
    };
    let json: Value = serde_json::from_str(text).expect("valid GeoJSON");
    json["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| {
            let code = f["properties"]["ISO_3166_2"].as_str().expect("ISO code").to_string();
            let g = &f["geometry"];
            let geom = match g["type"].as_str() {
                Some("Polygon") => MultiPolygon::new(vec![polygon(&g["coordinates"])]),
                Some("MultiPolygon") => {
                    g["coordinates"].as_array().expect("polygons").iter().map(polygon).collect()
                }
                other => panic!("{code}: unexpected geometry {other:?}"),
            };
            (code, geom)
        })
        .collect()
}

/// Every region of an edition after [`super::repair`].
pub(crate) fn repaired_regions(edition: Edition) -> Vec<(String, MultiPolygon<f64>)> {
    regions(edition).into_iter().map(|(code, g)| (code, super::repair(&g).0)).collect()
}
