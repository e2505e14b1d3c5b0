<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="129"/>
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="130"/>
        <source>Tags…</source>
        <translation>الوسوم…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="131"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="136"/>
        <source>Tag:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="156"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="191"/>
        <source>New tag…</source>
        <translation>وسم جديد…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="204"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>لا تظليلات</numerusform>
            <numerusform>تظليل واحد</numerusform>
            <numerusform>تظليلان</numerusform>
            <numerusform>%n تظليلات</numerusform>
            <numerusform>%n تظليلًا</numerusform>
            <numerusform>%n تظليل</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../reader/ui/models.py" line="126"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="127"/>
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models.py" line="128"/>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="496"/>
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="500"/>
        <source>Highlight with a note…</source>
        <translation>تظليل مع ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="508"/>
        <source>Note on “%1”…</source>
        <translation>ملاحظة على «%1»…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="511"/>
        <source>Tags of “%1”…</source>
        <translation>وسوم «%1»…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="514"/>
        <source>Delete highlight “%1”</source>
        <translation>حذف التظليل «%1»</translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <location filename="../../reader/ui/data_views.py" line="729"/>
        <source>Companies and people</source>
        <translation>الشركات والأشخاص</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="730"/>
        <source>&amp;Filter:</source>
        <translation>&amp;تصفية:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="731"/>
        <source>Name or spelling</source>
        <translation>الاسم أو طريقة كتابته</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/data_views.py" line="760"/>
        <source>%n name(s)</source>
        <translation>
            <numerusform>لا أسماء</numerusform>
            <numerusform>اسم واحد</numerusform>
            <numerusform>اسمان</numerusform>
            <numerusform>%n أسماء</numerusform>
            <numerusform>%n اسمًا</numerusform>
            <numerusform>%n اسم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/data_views.py" line="761"/>
        <source>%1 of %n name(s)</source>
        <translation>
            <numerusform>%1 من %n</numerusform>
            <numerusform>%1 من اسم واحد</numerusform>
            <numerusform>%1 من اسمين</numerusform>
            <numerusform>%1 من %n أسماء</numerusform>
            <numerusform>%1 من %n اسمًا</numerusform>
            <numerusform>%1 من %n اسم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../../reader/ui/data_views.py" line="314"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="315"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="316"/>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="317"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="318"/>
        <source>Spellings</source>
        <translation>طرق الكتابة</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="104"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="106"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="110"/>
        <source>Hamish JSON (imports back, with the article text)</source>
        <translation>JSON هامش (يُستورد مجددًا، مع نص المقال)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="111"/>
        <source>W3C Web Annotation JSON-LD</source>
        <translation>JSON-LD وفق W3C Web Annotation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="112"/>
        <source>Markdown, for reading</source>
        <translation>Markdown، للقراءة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="121"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="123"/>
        <source>This article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="124"/>
        <source>The whole library</source>
        <translation>المكتبة كلها</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <location filename="../../reader/ui/data_views.py" line="167"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="168"/>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="169"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="170"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="171"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
</context>
<context>
    <name>FiguresDialog</name>
    <message>
        <location filename="../../reader/ui/data_views.py" line="651"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="652"/>
        <source>&amp;Filter:</source>
        <translation>&amp;تصفية:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="653"/>
        <source>Figure, unit or article</source>
        <translation>رقم أو وحدة أو مقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="662"/>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="664"/>
        <source>Save the figures shown, in this order, as a CSV file</source>
        <translation>حفظ الأرقام المعروضة، بهذا الترتيب، في ملف CSV</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/data_views.py" line="691"/>
        <source>%n figure(s)</source>
        <translation>
            <numerusform>لا أرقام</numerusform>
            <numerusform>رقم واحد</numerusform>
            <numerusform>رقمان</numerusform>
            <numerusform>%n أرقام</numerusform>
            <numerusform>%n رقمًا</numerusform>
            <numerusform>%n رقم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/data_views.py" line="692"/>
        <source>%1 of %n figure(s)</source>
        <translation>
            <numerusform>%1 من %n</numerusform>
            <numerusform>%1 من رقم واحد</numerusform>
            <numerusform>%1 من رقمين</numerusform>
            <numerusform>%1 من %n أرقام</numerusform>
            <numerusform>%1 من %n رقمًا</numerusform>
            <numerusform>%1 من %n رقم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="699"/>
        <location filename="../../reader/ui/data_views.py" line="710"/>
        <source>Export figures</source>
        <translation>تصدير الأرقام</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="699"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV ‏(*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/data_views.py" line="710"/>
        <source>The figures could not be saved: %1</source>
        <translation>تعذّر حفظ الأرقام: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/data_views.py" line="715"/>
        <source>%n figure(s) saved to %1</source>
        <translation>
            <numerusform>لم يُحفظ أي رقم في %1</numerusform>
            <numerusform>حُفظ رقم واحد في %1</numerusform>
            <numerusform>حُفظ رقمان في %1</numerusform>
            <numerusform>حُفظت %n أرقام في %1</numerusform>
            <numerusform>حُفظ %n رقمًا في %1</numerusform>
            <numerusform>حُفظ %n رقم في %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="60"/>
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="62"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="63"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="64"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="58"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels.py" line="59"/>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <location filename="../../reader/ui/main_window.py" line="927"/>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="139"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="144"/>
        <source>Annotations and search</source>
        <translation>التعليقات والبحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="153"/>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="187"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="188"/>
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189"/>
        <source>Import &amp;annotations…</source>
        <translation>استيراد ت&amp;عليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190"/>
        <source>&amp;Export annotations…</source>
        <translation>&amp;تصدير التعليقات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="192"/>
        <source>&amp;Rebuild search index</source>
        <translation>إعادة &amp;بناء فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="194"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196"/>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="197"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="199"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="204"/>
        <source>&amp;Find in article</source>
        <translation>&amp;بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="205"/>
        <source>Search &amp;highlights</source>
        <translation>البحث في الت&amp;ظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="206"/>
        <source>Highlight with a &amp;note…</source>
        <translation>تظليل مع &amp;ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="207"/>
        <source>&amp;Trash…</source>
        <translation>المه&amp;ملات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="213"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="214"/>
        <source>&amp;Larger text</source>
        <translation>نص أ&amp;كبر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="217"/>
        <source>&amp;Smaller text</source>
        <translation>نص أ&amp;صغر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="218"/>
        <source>Line &amp;spacing</source>
        <translation>ت&amp;باعد الأسطر</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="221"/>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="222"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="222"/>
        <source>Sepia</source>
        <translation>بني داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="222"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="233"/>
        <source>&amp;Keys</source>
        <translation>الم&amp;فاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <source>%1 — Hamish</source>
        <translation>%1 — هامش</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="121"/>
        <source>This library is read-only (its folder cannot be written): you can read and search, but new highlights and changes cannot be saved.</source>
        <translation>هذه المكتبة للقراءة فقط (لا يمكن الكتابة في مجلدها): يمكنك القراءة والبحث، لكن لا يمكن حفظ تظليلات أو تعديلات جديدة.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="160"/>
        <source>%1 (read-only)</source>
        <translation>%1 (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="166"/>
        <source>This library is read-only: changes cannot be saved</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن حفظ التعديلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="209"/>
        <source>&amp;Suggest companies, figures, quotes</source>
        <translation>ا&amp;قتراح شركات وأرقام واقتباسات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="226"/>
        <source>&amp;Figures…</source>
        <translation>الأ&amp;رقام…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="227"/>
        <source>&amp;Companies and people…</source>
        <translation>ال&amp;شركات والأشخاص…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="336"/>
        <source>Rename article</source>
        <translation>إعادة تسمية المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="336"/>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="347"/>
        <source>Delete article</source>
        <translation>حذف المقال</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="348"/>
        <source>Delete “%1” and its %2 highlight(s)? This cannot be undone.</source>
        <translation>حذف «%1» وتظليلاته (%2)؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="388"/>
        <location filename="../../reader/ui/main_window.py" line="412"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="397"/>
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="403"/>
        <source>Highlight as %1</source>
        <translation>تظليل بوسم %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="404"/>
        <source>Highlighted as %1: %2</source>
        <translation>ظُلّل بوسم %1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="425"/>
        <source>Highlight with a note</source>
        <translation>تظليل مع ملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="433"/>
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="439"/>
        <source>Change tags</source>
        <translation>تغيير الوسوم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="447"/>
        <source>New tag</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="447"/>
        <source>Name of the new tag:</source>
        <translation>اسم الوسم الجديد:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="455"/>
        <source>New tag “%1” (key %2)</source>
        <translation>وسم جديد «%1» (المفتاح %2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="467"/>
        <source>Restore highlight</source>
        <translation>استعادة التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="479"/>
        <source>Delete highlight</source>
        <translation>حذف التظليل</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="480"/>
        <source>Highlight moved to the trash (Ctrl+Z brings it back)</source>
        <translation>نُقل التظليل إلى المهملات (Ctrl+Z يعيده)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="520"/>
        <source>%n suggestion(s): Tab goes to the next, Enter or the tag&apos;s key accepts, Delete dismisses</source>
        <translation>
            <numerusform>لا اقتراحات</numerusform>
            <numerusform>اقتراح واحد: Tab للتالي، وEnter أو مفتاح الوسم للقبول، وDelete للرفض</numerusform>
            <numerusform>اقتراحان: Tab للتالي، وEnter أو مفتاح الوسم للقبول، وDelete للرفض</numerusform>
            <numerusform>%n اقتراحات: Tab للتالي، وEnter أو مفتاح الوسم للقبول، وDelete للرفض</numerusform>
            <numerusform>%n اقتراحًا: Tab للتالي، وEnter أو مفتاح الوسم للقبول، وDelete للرفض</numerusform>
            <numerusform>%n اقتراح: Tab للتالي، وEnter أو مفتاح الوسم للقبول، وDelete للرفض</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="511"/>
        <source>Your companies list was not used: %1</source>
        <translation>لم تُستخدم قائمة شركاتك: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="293"/>
        <source>Another Hamish is writing the search index; your changes are saved and search will include them once it is free</source>
        <translation>نسخة أخرى من هامش تكتب فهرس البحث؛ تغييراتك محفوظة وسيشملها البحث حين يتاح الفهرس</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="498"/>
        <source>Looking for suggestions…</source>
        <translation>البحث عن اقتراحات…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="543"/>
        <source>Suggested %1: %2 — Enter accepts, Delete dismisses, Tab goes on</source>
        <translation>اقتراح %1: %2 — Enter للقبول، وDelete للرفض، وTab للتالي</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="553"/>
        <source>Dismiss suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="564"/>
        <source>Accept suggestion as %1</source>
        <translation>قبول الاقتراح كـ %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="697"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="715"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="716"/>
        <source>Articles (%1)</source>
        <translation>مقالات (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="727"/>
        <source>An import is already running</source>
        <translation>يجري استيراد آخر الآن</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="729"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="729"/>
        <location filename="../../reader/ui/main_window.py" line="838"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="730"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="770"/>
        <source>Some files were not imported</source>
        <translation>لم تُستورد بعض الملفات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="772"/>
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="774"/>
        <source>%n article(s) imported</source>
        <translation>
            <numerusform>لم يُستورد أي مقال</numerusform>
            <numerusform>استُورد مقال واحد</numerusform>
            <numerusform>استُورد مقالان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُورد %n مقالًا</numerusform>
            <numerusform>استُورد %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="795"/>
        <source>Import annotations</source>
        <translation>استيراد التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="796"/>
        <source>Annotations (*.json *.jsonld)</source>
        <translation>تعليقات (*.json *.jsonld)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="811"/>
        <source>%1 added, %2 updated, %3 unchanged, %4 orphan(s)</source>
        <translation>أُضيف %1، حُدّث %2، بلا تغيير %3، يتيمة %4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="814"/>
        <source>Annotations imported</source>
        <translation>استُوردت التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="823"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="828"/>
        <source>Exported to %1</source>
        <translation>صُدّر إلى %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="835"/>
        <source>Rebuilding the search index…</source>
        <translation>جارٍ إعادة بناء فهرس البحث…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="837"/>
        <source>The search index must be rebuilt (%1).</source>
        <translation>يجب إعادة بناء فهرس البحث (%1).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="839"/>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="856"/>
        <source>Rebuilding the search index… %1</source>
        <translation>جارٍ إعادة بناء فهرس البحث… %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="871"/>
        <source>Rebuild cancelled; the search index is as it was</source>
        <translation>أُلغيت إعادة البناء؛ بقي فهرس البحث كما كان</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="873"/>
        <source>Search index rebuilt: %n highlight(s)</source>
        <translation>
            <numerusform>أُعيد بناء فهرس البحث: لا تظليلات</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: تظليل واحد</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: تظليلان</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليلات</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليلًا</numerusform>
            <numerusform>أُعيد بناء فهرس البحث: %n تظليل</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="909"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="910"/>
        <source>Select text, then press a tag&apos;s key:</source>
        <translation>حدّد نصًا ثم اضغط مفتاح الوسم:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="911"/>
        <source>Ctrl+F find in article · Ctrl+Shift+F search highlights</source>
        <translation>Ctrl+F بحث في المقال · Ctrl+Shift+F بحث في التظليلات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="912"/>
        <source>Ctrl+N highlight with a note · Ctrl+Z / Ctrl+Shift+Z undo / redo</source>
        <translation>Ctrl+N تظليل مع ملاحظة · Ctrl+Z / Ctrl+Shift+Z تراجع / إعادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="913"/>
        <source>Ctrl+G suggestions: Tab next · Enter or a tag&apos;s key accepts · Delete dismisses</source>
        <translation>Ctrl+G الاقتراحات: Tab للتالي · Enter أو مفتاح الوسم للقبول · Delete للرفض</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="914"/>
        <source>Ctrl+= / Ctrl+- text size · Esc clear the selection</source>
        <translation>Ctrl+= / Ctrl+- حجم النص · Esc إلغاء التحديد</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="26"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels.py" line="231"/>
        <source>Search highlights: words, tag:company, &quot;a phrase&quot;, pre*</source>
        <translation>ابحث في التظليلات: كلمات، tag:company، &quot;عبارة&quot;، بادئة*</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels.py" line="264"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagToolbar</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="90"/>
        <source>Tag the selection as “%1”</source>
        <translation>وسم التحديد بـ «%1»</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <location filename="../../reader/ui/labels.py" line="12"/>
        <source>company</source>
        <translation>شركة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="13"/>
        <source>figure</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="14"/>
        <source>quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="15"/>
        <source>person</source>
        <translation>شخص</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="68"/>
        <source>Trash</source>
        <translation>المهملات</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="78"/>
        <source>The trash is empty.</source>
        <translation>المهملات فارغة.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="82"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="83"/>
        <source>Delete for good</source>
        <translation>حذف نهائي</translation>
    </message>
</context>
</TS>
