"""The admin pages' forms (Flask-WTF: a CSRF token in each), with French messages.

The wide-file metadata form is also read back from a query string (without its token) once
it has been posted: the preview, its sorting links and its CSV download are plain GET pages
that carry the metadata in their URL, so they can be reloaded and shared between workers
without any server-side state.
"""
from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # stubs predate it
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from dashboard.admin.service import WideMeta
from dashboard.importers.indicators import DIRECTIONS, SLUG, max_year
from dashboard.reference import Reference

EXTENSIONS = ("csv", "xlsx")
REQUIRED = "Ce champ est obligatoire."
DIRECTIONS_OFFERED = {
    "higher_is_worse": "Plus la valeur est haute, plus le territoire est fragile",
    "higher_is_better": "Plus la valeur est haute, moins le territoire est fragile"}
LEVEL_LABELS = (("", "Reconnaître d'après les codes"), ("region", "Régions"),
                ("department", "Départements"))
META_FIELDS = ("indicator_code", "indicator_label", "domain", "year", "unit", "direction",
               "source", "level")


class UploadForm(FlaskForm):
    fichier = FileField(validators=[
        FileRequired("Choisissez un fichier."),
        FileAllowed(EXTENSIONS, "Seuls les fichiers .csv et .xlsx sont acceptés.")])


class WideMetaForm(FlaskForm):
    """What a wide export (title lines, `Code;Libellé;<valeur>`) does not say."""

    indicator_code = StringField(validators=[
        DataRequired(REQUIRED), Length(max=80, message="80 caractères au plus."),
        Regexp(SLUG, message="Lettres minuscules sans accent, chiffres et _ ; commence par "
                             "une lettre (p. ex. taux_pauvrete).")])
    indicator_label = StringField(validators=[
        DataRequired(REQUIRED), Length(max=200, message="200 caractères au plus.")])
    domain = SelectField(validators=[DataRequired("Choisissez un domaine.")])
    year = IntegerField(validators=[
        InputRequired("Indiquez l'année (p. ex. 2021)."),
        NumberRange(1990, max_year(), message="Une année entre %(min)s et %(max)s.")])
    unit = StringField(validators=[
        DataRequired(REQUIRED), Length(max=40, message="40 caractères au plus.")])
    direction = SelectField(choices=[SelectChoice(v, label) for v, label in
                                     DIRECTIONS_OFFERED.items()],
                            validators=[DataRequired(REQUIRED)])
    source = StringField(validators=[
        DataRequired(REQUIRED), Length(max=300, message="300 caractères au plus.")])
    level = SelectField(choices=[SelectChoice(v, label) for v, label in LEVEL_LABELS],
                        default="")
    nom = HiddenField()

    def offer_domains(self, ref: Reference) -> WideMetaForm:
        self.domain.choices = [SelectChoice("", "— choisir un domaine —")] + [
            SelectChoice(d.slug, d.label_fr) for d in ref.domains]
        return self

    def wide_meta(self) -> WideMeta:
        """The validated fields as the service wants them."""
        return WideMeta(indicator_code=self.indicator_code.data or "",
                        indicator_label=(self.indicator_label.data or "").strip(),
                        domain=self.domain.data or "", year=int(self.year.data or 0),
                        unit=(self.unit.data or "").strip(),
                        direction=self.direction.data or DIRECTIONS[0],
                        source=(self.source.data or "").strip(),
                        level=self.level.data or None)


def meta_from_query(args: MultiDict[str, str], ref: Reference) -> WideMeta | None:
    """The metadata a wide file's pages carry in their URL, or None while incomplete."""
    form = WideMetaForm(formdata=args, meta={"csrf": False}).offer_domains(ref)
    return form.wide_meta() if form.validate() else None


def meta_query(meta: WideMeta | None) -> dict[str, Any]:
    """The query parameters that carry `meta` from page to page."""
    if meta is None:
        return {}
    values = {name: getattr(meta, name) for name in META_FIELDS}
    return {name: value for name, value in values.items() if value not in (None, "")}
